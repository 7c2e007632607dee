/**
 * Measures the pipeline against a real Kafka broker and a real MongoDB wire protocol, and
 * prints the figures.
 */
package id.ucj.benchmark;
