/**
 * How every service reads JSON: instants in the form the contract's producers write, read
 * fast, and the rest as Jackson reads it.
 */
package id.ucj.support.json;
