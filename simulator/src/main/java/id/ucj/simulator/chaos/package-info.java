/**
 * The chaos suite: load from retrying field apps against the launched system's real
 * processes, faults injected into them, and counts checked against a model of what the
 * system acknowledged.
 */
package id.ucj.simulator.chaos;
