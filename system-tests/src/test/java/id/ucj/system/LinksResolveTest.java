package id.ucj.system;

import org.junit.jupiter.api.Test;

import id.ucj.testsupport.Docs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in README.md and docs/ leads to a file that exists, and to a
 * heading on it if it names one.
 */
class LinksResolveTest {

	@Test
	void everyRelativeLinkInTheDocumentationResolves() {
		Docs docs = Docs.ofThisRepository();

		assertThat(docs.pages()).as("README.md and docs/").hasSizeGreaterThan(5);
		assertThat(docs.brokenLinks()).as("links that lead nowhere").isEmpty();
	}

}
