/**
 * What the deployment checks run: the launched system, Debian's Prometheus and promtool,
 * the dashboards and rule files of {@code deploy/} as data.
 */
package id.ucj.deploy;
