/**
 * The services' shared HTTP rules: one problem-details shape for every refusal, request
 * size limits, strict JSON.
 */
package id.ucj.support.web;
