/**
 * What the Kafka-consuming services share: their Kafka failure policy and their MongoDB health check.
 */
package id.ucj.support;
