/**
 * Alerts, exactly once per crossing, when a regency reaches or falls back from a coverage
 * threshold.
 */
package id.ucj.notification;
