/**
 * What the three services share: what they expose to operators
 * ({@code ucj-observability.yml}), the Kafka failure policy of the consuming services and
 * their MongoDB health check.
 */
package id.ucj.support;
