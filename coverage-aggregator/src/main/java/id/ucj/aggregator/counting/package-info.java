/**
 * The counting rules, pure: where a participant stands after each event, and what that
 * changes in a regency's counts and effective coverage. No Spring, Kafka or MongoDB here.
 */
package id.ucj.aggregator.counting;
