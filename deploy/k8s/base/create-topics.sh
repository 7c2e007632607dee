#!/usr/bin/env bash
# Creates UCJ Coverage's topics if they are missing; used by deploy/compose (kafka-init) and deploy/k8s (a Job).
# It lives in deploy/k8s/base because Kustomize reads files only below its own directory.
# Partition count bounds how many coverage-aggregator and notification-service instances share the work; 24, as the
# services' ucj.topics.partitions.
# Topics named coverage-aggregator-streams-* are the counting job's own and not created here: Kafka Streams creates
# its changelogs, the aggregator the partition-counts topic (docs/security.md, "Kafka Streams state").
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?}"
partitions="${UCJ_TOPIC_PARTITIONS:-24}"
replicas="${UCJ_TOPIC_REPLICAS:-3}"
min_insync="${UCJ_TOPIC_MIN_INSYNC:-2}"
topics=/opt/kafka/bin/kafka-topics.sh

create() {
  local name="$1" count="$2"; shift 2
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$count" --replication-factor "$replicas" --config "min.insync.replicas=$min_insync" "$@"
}

# participant-events is the system of record (counts are rebuilt from it), so it is kept; dead letters hold
# pseudonymous ids too (personal data under UU 27/2022) and expire after 14 days.
dead_letters_ms="${UCJ_DEAD_LETTER_RETENTION_MS:-1209600000}"
create participant-events "$partitions" --config retention.ms=-1
create participant-events.DLT 1 --config retention.ms="$dead_letters_ms"
create coverage-changes "$partitions" --config cleanup.policy=compact
create coverage-changes.DLT 1 --config retention.ms="$dead_letters_ms"
"$topics" --bootstrap-server "$bootstrap" --describe --topic participant-events,coverage-changes
