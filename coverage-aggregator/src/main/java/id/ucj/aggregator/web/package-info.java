/**
 * The coverage API: regencies' coverage, roll-ups, forecasts and budget plans over HTTP,
 * each answer limited to the caller's areas.
 */
package id.ucj.aggregator.web;
