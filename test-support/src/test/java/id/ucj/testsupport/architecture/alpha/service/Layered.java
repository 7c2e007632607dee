package id.ucj.testsupport.architecture.alpha.service;

/** Breaks the rules: a class in a layer package. */
class Layered {

}
