package id.ucj.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DocsTest {

	@TempDir
	Path root;

	@Test
	void findsLinksToMissingPagesAndMissingAnchors() throws IOException {
		write("README.md", """
				# Title
				See [the rules](docs/rules.md#lapse-after-three-months), [gone](docs/gone.md),
				[wrong anchor](docs/rules.md#no-such-heading) and [the web](https://example.org/x.md).
				```
				[inside a code block](nowhere.md)
				```
				""");
		write("docs/rules.md", """
				# Rules
				## Lapse after three months
				Back to [the top](#rules) and [the README](../README.md).
				""");

		assertThat(Docs.at(this.root).brokenLinks()).containsExactly("README.md: docs/gone.md",
				"README.md: docs/rules.md#no-such-heading");
	}

	@Test
	void anchorsFollowGitHubsSlugs() throws IOException {
		write("docs/page.md", """
				# Exactly once, without transactions
				## `ucj.coverage.*` settings (aggregator)
				## Example
				## Example
				""");

		assertThat(Docs.at(this.root).anchors(this.root.resolve("docs/page.md"))).containsExactly(
				"exactly-once-without-transactions", "ucjcoverage-settings-aggregator", "example", "example-1");
	}

	@Test
	void readsCodeSpans() throws IOException {
		write("docs/operations.md", "| `ucj_coverage_ratio` | gauge |\n| `ucj_alert_deliveries_total` | counter |\n");

		assertThat(Docs.at(this.root).codeSpans("docs/operations.md")).containsExactly("ucj_coverage_ratio",
				"ucj_alert_deliveries_total");
	}

	private void write(String page, String text) throws IOException {
		Path file = this.root.resolve(page);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}
