/**
 * Sign-in (local users or OpenID Connect), the session, and the credentials the console
 * presents to the services for the signed-in user.
 */
package id.ucj.console.security;
