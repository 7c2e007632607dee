/**
 * Forecasts a regency's coverage if nothing is renewed, and what holding a target costs:
 * pure functions over the month-by-month active counts, and the premiums they are priced
 * with.
 */
package id.ucj.aggregator.forecast;
