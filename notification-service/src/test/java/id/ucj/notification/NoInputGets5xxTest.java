package id.ucj.notification;

import id.ucj.testsupport.NoInputGets5xx;

/** This service's own OpenAPI document, fuzzed (see {@link NoInputGets5xx}). */
class NoInputGets5xxTest extends NoInputGets5xx {

}
