package id.ucj.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation as tests read it: README.md and every page under
 * {@code docs/}, found from the directory Maven runs a module's tests in. Tests use it to
 * keep the pages true: every property, metric and link.
 */
public final class Docs {

	private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");

	private static final Pattern INLINE_LINK = Pattern
		.compile("!?\\[[^\\]\\n]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern REFERENCE_LINK = Pattern
		.compile("^\\s*\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+\"[^\"]*\")?\\s*$", Pattern.MULTILINE);

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$", Pattern.MULTILINE);

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

	private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1\\s*$");

	private final Path root;

	private final Map<Path, String> texts = new HashMap<>();

	private Docs(Path root) {
		this.root = root;
	}

	/**
	 * The documentation of the repository these tests run in (the directory that holds
	 * the Maven wrapper).
	 */
	public static Docs ofThisRepository() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isDirectory(directory.resolve(".mvn"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("No .mvn/ above " + Path.of("").toAbsolutePath());
		}
		return new Docs(directory);
	}

	/** Documentation rooted elsewhere (a test's own pages). */
	public static Docs at(Path root) {
		return new Docs(root);
	}

	public Path root() {
		return this.root;
	}

	/** README.md and every Markdown page under docs/. */
	public List<Path> pages() {
		List<Path> pages = new ArrayList<>();
		Path readme = this.root.resolve("README.md");
		if (Files.exists(readme)) {
			pages.add(readme);
		}
		Path docs = this.root.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> files = Files.walk(docs)) {
				files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return pages;
	}

	/**
	 * Everything written as {@code `code`} on a page, outside fenced blocks too: property
	 * and metric names.
	 */
	public Set<String> codeSpans(String page) {
		Set<String> spans = new LinkedHashSet<>();
		Matcher matcher = CODE_SPAN.matcher(text(this.root.resolve(page)));
		while (matcher.find()) {
			spans.add(matcher.group(1).trim());
		}
		return spans;
	}

	/**
	 * Every relative link (to a file, or an anchor in one) that leads nowhere, as "page:
	 * target".
	 */
	public List<String> brokenLinks() {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String target : links(page)) {
				if (!resolves(page, target)) {
					broken.add(this.root.relativize(page) + ": " + target);
				}
			}
		}
		return broken;
	}

	private List<String> links(Path page) {
		String prose = FENCE.matcher(text(page)).replaceAll("");
		List<String> links = new ArrayList<>();
		for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
			Matcher matcher = pattern.matcher(prose);
			while (matcher.find()) {
				String target = matcher.group(1);
				if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
					links.add(target);
				}
			}
		}
		return links;
	}

	private boolean resolves(Path page, String target) {
		int hash = target.indexOf('#');
		String file = URLDecoder.decode((hash < 0) ? target : target.substring(0, hash), StandardCharsets.UTF_8);
		String anchor = (hash < 0) ? null : target.substring(hash + 1);
		Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
		if (!linked.startsWith(this.root) || !Files.exists(linked)) {
			return false;
		}
		return anchor == null || anchor.isEmpty()
				|| (linked.toString().endsWith(".md") && anchors(linked).contains(anchor));
	}

	/**
	 * The anchors GitHub gives a page's headings (lower case, punctuation dropped, spaces
	 * to dashes, -1 for repeats).
	 */
	Set<String> anchors(Path page) {
		String prose = FENCE.matcher(text(page)).replaceAll("");
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher heading = HEADING.matcher(prose);
		while (heading.find()) {
			String slug = slug(heading.group(1));
			int repeats = seen.merge(slug, 1, Integer::sum) - 1;
			anchors.add((repeats == 0) ? slug : slug + "-" + repeats);
		}
		Matcher html = HTML_ANCHOR.matcher(prose);
		while (html.find()) {
			anchors.add(html.group(1));
		}
		return anchors;
	}

	static String slug(String heading) {
		String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
		return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
	}

	private String text(Path page) {
		return this.texts.computeIfAbsent(page, (path) -> {
			try {
				return Files.readString(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
