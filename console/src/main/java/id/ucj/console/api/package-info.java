/**
 * The services' public APIs as the console calls them, always as the signed-in user; what
 * they refuse becomes {@link id.ucj.console.api.Refused}.
 */
package id.ucj.console.api;
