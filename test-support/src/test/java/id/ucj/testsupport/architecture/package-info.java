/**
 * Three applications, alpha, beta and gamma, for {@code ServiceArchitectureTest}: gamma
 * keeps the rules, alpha breaks each of them.
 */
package id.ucj.testsupport.architecture;
