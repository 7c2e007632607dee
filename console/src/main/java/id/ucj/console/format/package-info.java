/**
 * How numbers, money, ratios and months are written and read in each language: pure
 * functions with unit tests.
 */
package id.ucj.console.format;
