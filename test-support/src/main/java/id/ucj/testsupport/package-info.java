/**
 * Real infrastructure for integration tests, started once per test JVM and shared by
 * every module.
 */
package id.ucj.testsupport;
