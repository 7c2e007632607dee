/**
 * A field enrollment app on the command line: replays campaigns against the public HTTP
 * API only.
 */
package id.ucj.simulator;
