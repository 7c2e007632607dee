package id.ucj.testsupport.architecture.alpha.one;

import id.ucj.testsupport.architecture.alpha.two.Two;

/** Breaks the rules: half of a cycle between two feature packages. */
public class One {

	Two two;

}
