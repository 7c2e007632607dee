/**
 * The alert log: every crossing, once, with its deliveries; and the API that lists it.
 */
package id.ucj.notification.alert;
