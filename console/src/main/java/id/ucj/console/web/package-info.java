/**
 * The console's pages and exports: thin controllers that ask {@code api} and hand the
 * answers to the templates; the decisions (sorting, roll-ups, reading inputs, export
 * formats) are pure.
 */
package id.ucj.console.web;
