/**
 * The web console for regency administrators: sign-in ({@code security}), the services'
 * APIs as the signed-in user ({@code api}), locale formats ({@code format}) and the pages
 * and exports ({@code web}).
 */
package id.ucj.console;
