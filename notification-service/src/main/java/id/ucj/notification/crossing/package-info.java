/**
 * Watches regencies' coverage snapshots and detects, exactly once, each crossing of a
 * threshold: the regency's own target and the milestones configured for all.
 */
package id.ucj.notification.crossing;
