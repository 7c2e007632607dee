package id.ucj.testsupport.architecture.alpha.two;

import id.ucj.testsupport.architecture.alpha.one.One;

/** Breaks the rules: the other half of a cycle between two feature packages. */
public class Two {

	One one;

}
