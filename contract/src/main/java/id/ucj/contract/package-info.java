/**
 * The public contract between the UCJ Coverage services: event records, topic names,
 * CloudEvents types and the official region codes.
 */
package id.ucj.contract;
