package id.ucj.testsupport.architecture.alpha.feature;

import id.ucj.testsupport.architecture.beta.Beta;

/** Breaks the rules: one application using another's class. */
class UsesBeta {

	Beta beta;

}
