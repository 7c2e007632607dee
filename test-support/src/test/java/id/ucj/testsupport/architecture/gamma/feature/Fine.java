package id.ucj.testsupport.architecture.gamma.feature;

/** Keeps the rules: a feature of its own application, using nobody else's classes. */
class Fine {

}
