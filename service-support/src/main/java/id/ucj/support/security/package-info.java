/**
 * Who may call the services: API keys and JWTs, mapped to one role and the areas a client
 * may act in.
 */
package id.ucj.support.security;
