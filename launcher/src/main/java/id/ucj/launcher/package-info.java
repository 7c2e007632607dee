/**
 * Runs the whole system on one machine, with embedded infrastructure unless real
 * infrastructure is named.
 */
package id.ucj.launcher;
