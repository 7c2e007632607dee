/**
 * The month turn: when a month ends in a regency's time zone, cover lapses without any
 * event, so the regency's snapshot goes out again, once per regency and month however
 * many instances run.
 */
package id.ucj.aggregator.month;
