package id.ucj.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console as an administrator uses it, in Debian's chromium through its
 * chromedriver, against the whole system as the launcher runs it: sign in, see only one's
 * own areas, set a target (a field error first), run a budget plan and compare it with
 * figures computed by hand, switch the language, download CSV and XLSX and read them
 * back, watch the figures update without a reload; on every page, axe finds no WCAG 2.2
 * AA violation and the browser logs no error. Screenshots of the main pages go to
 * {@code target/console-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

	private static final String SAROLANGUN = "15.03";

	private static final String DENPASAR = "51.71";

	/**
	 * The premium of BPU JKK + JKM, rupiah a worker-month, that plans are priced with.
	 */
	private static final long PREMIUM = 16_800;

	private static final int PARTICIPANTS = 66;

	private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private LaunchedSystem system;

	private WebDriver browser;

	private String console;

	private Instant capturedAt;

	private final List<String> pagesChecked = new ArrayList<>();

	@BeforeAll
	void startTheSystemAndABrowser(@TempDir Path directory) throws Exception {
		ExternalTool chromium = ExternalTool.require("chromium", "chromium");
		ExternalTool driver = ExternalTool.require("chromedriver", "chromium-driver");
		// A page says its figures are stale after 6 s without an answer (30 s by
		// default).
		this.system = LaunchedSystem.start(directory, Map.of("UCJ_CONSOLE_STALEAFTER", "6s"), Duration.ofMinutes(4));
		this.console = this.system.consoleUrl();
		ChromeOptions options = new ChromeOptions().setBinary(chromium.command())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
					"--lang=id");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(driver.path().toFile()).build(), options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.system != null) {
			this.system.close();
		}
	}

	@Test
	@Order(1)
	void anAdminSignsInWithThePrintedPasswordAndTheSessionIdChanges() {
		open("/");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		String before = this.browser.manage().getCookieNamed("UCJSESSION").getValue();
		checkPage("login");
		signIn("admin", this.system.firstAdminPassword());

		assertThat(this.browser.manage().getCookieNamed("UCJSESSION").getValue()).isNotEqualTo(before);
		assertThat(this.browser.manage().getCookieNamed("UCJSESSION").isHttpOnly()).isTrue();
	}

	@Test
	@Order(2)
	void aTargetOutOfRangeIsNamedAtItsFieldAndAValidOneShowsWhoSetIt() throws Exception {
		open("/regencies/" + SAROLANGUN + "/settings");
		type("workforce", "100");
		type("target", "150");
		submit();

		WebElement error = this.browser.findElement(By.id("target-error"));
		assertThat(error.getText()).contains("paling banyak 100");
		assertThat(this.browser.findElement(By.id("target")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.findElement(By.id("target")).getDomAttribute("aria-describedby"))
			.contains("target-error");
		screenshot("settings-error");
		checkPage("settings with a field error");

		type("target", "65");
		submit();

		assertThat(this.browser.findElement(By.id("attribution")).getText()).contains("admin");
		JsonNode regency = api("/api/v1/coverage/" + SAROLANGUN);
		assertThat(regency.get("target").asDouble()).isEqualTo(0.65);
		assertThat(regency.get("workforce").asLong()).isEqualTo(100);
		assertThat(regency.get("targetsSetBy").asText()).isEqualTo("admin");
	}

	@Test
	@Order(3)
	void theOverviewShowsEveryAreaToANationalAdminAndTheRegencyItsCounts() throws Exception {
		this.capturedAt = Instant.now().minusSeconds(60);
		register(SAROLANGUN, 1, PARTICIPANTS);
		register(DENPASAR, 1, 3);
		awaitCovered(SAROLANGUN, PARTICIPANTS);
		awaitCovered(DENPASAR, 3);

		open("/");
		assertThat(regencyCodes()).contains(SAROLANGUN, DENPASAR);
		screenshot("overview");
		checkPage("overview");

		open("/regencies/" + SAROLANGUN);
		assertThat(this.browser.findElement(By.id("covered")).getText()).isEqualTo("66");
		assertThat(this.browser.findElement(By.id("coverage-ratio")).getText()).isEqualTo("66,00%");
		assertThat(this.browser.findElements(By.cssSelector("canvas[data-chart-for]"))).hasSize(2);
		screenshot("regency");
		checkPage("regency");
	}

	@Test
	@Order(4)
	void theFiguresUpdateWithoutAReloadAndFocusStays() throws Exception {
		open("/regencies/" + SAROLANGUN);
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		script.executeScript("window.notReloaded = true;");
		WebElement plan = this.browser.findElement(By.linkText("Rencana anggaran"));
		script.executeScript("arguments[0].focus();", plan);

		register(SAROLANGUN, PARTICIPANTS + 1, 1);

		new WebDriverWait(this.browser, Duration.ofSeconds(90))
			.until((page) -> "67".equals(page.findElement(By.id("covered")).getText()));
		assertThat(script.executeScript("return window.notReloaded === true;")).isEqualTo(true);
		assertThat(script.executeScript("return document.activeElement.textContent.trim();"))
			.isEqualTo("Rencana anggaran");
		awaitCovered(SAROLANGUN, PARTICIPANTS + 1);
	}

	@Test
	@Order(4)
	void aBannerSaysWhenTheFiguresCannotBeUpdatedAndGoesWhenTheyCan() {
		open("/regencies/" + SAROLANGUN);
		WebElement banner = this.browser.findElement(By.id("stale"));
		assertThat(banner.isDisplayed()).isFalse();
		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);

		((ChromeDriver) this.browser).setNetworkConditions(offline);
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until((page) -> banner.isDisplayed());
		assertThat(banner.getDomAttribute("role")).isEqualTo("status");
		((ChromeDriver) this.browser).deleteNetworkConditions();

		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until((page) -> !banner.isDisplayed());
		// htmx logged the requests that failed while offline, as it should: not the next
		// page's errors.
		this.browser.manage().logs().get(LogType.BROWSER);
	}

	@Test
	@Order(4)
	void aRegencysReportPrintsOnOneA4Page() {
		open("/regencies/" + SAROLANGUN);
		PrintOptions a4 = new PrintOptions();
		a4.setPageSize(new PageSize(29.7, 21.0));

		String pdf = new String(
				java.util.Base64.getDecoder().decode(((PrintsPage) this.browser).print(a4).getContent()),
				StandardCharsets.ISO_8859_1);

		assertThat(java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf).results().count()).isEqualTo(1);
	}

	@Test
	@Order(5)
	void aBudgetPlanShowsTheFiguresComputedByHandAndTheApisOwn() throws Exception {
		YearMonth now = YearMonth.parse(api("/api/v1/coverage/" + SAROLANGUN).get("month").asText());
		YearMonth through = now.plusMonths(7);
		long budget = 2_000_000;
		Expected expected = Expected.plan(now, through, lapseMonth(), PARTICIPANTS + 1, 65, budget);

		open("/regencies/" + SAROLANGUN + "/plan");
		type("target", "65");
		type("budget", "2.000.000");
		((JavascriptExecutor) this.browser).executeScript("document.getElementById('through').value = arguments[0];",
				through.toString());
		submit();

		assertThat(text("plan-cost")).isEqualTo(rupiahId(expected.cost()));
		assertThat(text("plan-worker-months")).isEqualTo(String.format(Locale.GERMANY, "%,d", expected.workerMonths()));
		assertThat(text("plan-holds-through")).isEqualTo(monthId(expected.holdsThrough()));
		assertThat(text("plan-months-held")).isEqualTo(String.valueOf(expected.monthsHeld()));
		assertThat(text("plan-spent")).isEqualTo(rupiahId(expected.spent()));
		assertThat(text("plan-left-over")).isEqualTo(rupiahId(budget - expected.spent()));
		JsonNode plan = api(
				"/api/v1/coverage/" + SAROLANGUN + "/plan?target=0.65&through=" + through + "&budget=" + budget);
		assertThat(plan.get("cost").asLong()).isEqualTo(expected.cost());
		assertThat(plan.get("budget").get("holdsThrough").asText()).isEqualTo(expected.holdsThrough().toString());
		assertThat(plan.get("budget").get("leftOver").asLong()).isEqualTo(budget - expected.spent());
		screenshot("plan");
		checkPage("plan");

		WebElement indonesian = this.browser.findElement(By.tagName("html"));
		this.browser.findElement(By.linkText("English")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(indonesian));
		assertThat(this.browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(text("plan-cost")).isEqualTo(String.format(Locale.ENGLISH, "IDR %,d", expected.cost()));
		assertThat(text("plan-holds-through"))
			.isEqualTo(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).format(expected.holdsThrough()));
		checkPage("plan in English");
		open("/");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Coverage overview");
		screenshot("overview-en");
		checkPage("overview in English");
		WebElement english = this.browser.findElement(By.tagName("html"));
		this.browser.findElement(By.linkText("Bahasa Indonesia")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(english));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ringkasan cakupan");
	}

	@Test
	@Order(6)
	void theExportsOpenAndCarryTheAttribution() throws Exception {
		String csv = download("/export/overview.csv").body();
		assertThat(csv.lines().skip(1)).anySatisfy((line) -> assertThat(line).startsWith(SAROLANGUN + ","));
		assertThat(csv).contains("ODbL");

		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
				downloadBytes("/regencies/" + SAROLANGUN + "/plan.xlsx?target=65&budget=2000000")))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("month");
			Row total = rows.stream().filter((row) -> "total".equals(row.getCellText(0))).findFirst().orElseThrow();
			JsonNode plan = api("/api/v1/coverage/" + SAROLANGUN + "/plan?target=0.65&budget=2000000");
			assertThat(total.getCellAsNumber(5).orElseThrow().longValueExact()).isEqualTo(plan.get("cost").asLong());
			assertThat(rows.get(rows.size() - 1).getCellText(0)).contains("ODbL");
		}
		try (ReadableWorkbook workbook = new ReadableWorkbook(
				new ByteArrayInputStream(downloadBytes("/regencies/" + SAROLANGUN + "/forecast.xlsx")))) {
			assertThat(workbook.getFirstSheet().read()).hasSizeGreaterThan(12);
		}
		assertThat(download("/regencies/" + SAROLANGUN + "/forecast.csv").body().lines().count()).isGreaterThan(12);
	}

	@Test
	@Order(7)
	void theAlertLogAndEveryQueryAnswerWithoutA5xx() throws Exception {
		open("/alerts");
		screenshot("alerts");
		checkPage("alert log");
		String token = csrfToken("/regencies/" + SAROLANGUN + "/settings");
		for (String path : List.of("/?province=99", "/?province=%00", "/?sort=%27;--&dir=up", "/?province=",
				"/alerts?page=-1", "/alerts?page=abc", "/alerts?page=99999999999", "/alerts?direction=SIDEWAYS",
				"/alerts?regency=zz", "/alerts?regency=99.99&province=15", "/regencies/99.99", "/regencies/15.031",
				"/regencies/15.03/plan?target=abc&budget=-1&through=2020-01", "/regencies/15.03/plan?through=2099-01",
				"/regencies/15.03/plan?target=1e400", "/regencies/15.03/plan?budget=99999999999999999999",
				"/regencies/15.03/plan.csv?target=abc", "/regencies/15.03/plan.xlsx?through=x",
				"/regencies/15.03/forecast.pdf", "/regencies/15.03/live?x=%ff", "/export/overview.csv?province=xx",
				"/nothing/here", "/regencies/15.03/settings?workforce=1")) {
			assertThat(get(path).statusCode()).as(path).isLessThan(500);
		}
		for (String path : fuzzed()) {
			assertThat(get(path).statusCode()).as(path).isLessThan(500);
		}
		for (String body : List.of("workforce=0&target=65", "workforce=99999999999999999999&target=65",
				"workforce=abc&target=", "workforce=100&target=0", "workforce=100&target=1e9", "target=65",
				"workforce=%00&target=%01")) {
			HttpResponse<String> response = post("/regencies/" + SAROLANGUN + "/settings", body + "&_csrf=" + token);
			assertThat(response.statusCode()).as(body).isEqualTo(200);
			assertThat(response.body()).as(body).contains("class=\"error\"");
		}
		assertThat(post("/regencies/" + SAROLANGUN + "/settings", "workforce=%ff&target=%&_csrf=" + token).statusCode())
			.as("a body that is not form encoding")
			.isLessThan(500);
		assertThat(post("/regencies/" + SAROLANGUN + "/settings", "workforce=100&target=65").statusCode())
			.as("no CSRF token")
			.isEqualTo(403);
		assertThat(get("/regencies/15.03/plan?target=65&target=70").statusCode()).as("a parameter twice")
			.isEqualTo(400);
		HttpResponse<String> liveSignedOut = this.http
			.send(HttpRequest.newBuilder(URI.create(this.console + "/regencies/15.03/live"))
				.header("HX-Request", "true")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(liveSignedOut.statusCode()).as("live figures without a session").isEqualTo(401);
		HttpResponse<String> ended = this.http
			.send(HttpRequest.newBuilder(URI.create(this.console + "/regencies/15.03/settings"))
				.header("Cookie", "UCJSESSION=ended-long-ago")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("workforce=100&target=65&_csrf=" + token))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ended.statusCode()).as("a form of an ended session").isEqualTo(302);
		assertThat(ended.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?expired"));
		assertThat(get("/").headers().firstValue("Content-Security-Policy")).hasValueSatisfying((policy) -> {
			assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
		});
	}

	@Test
	@Order(8)
	void aJambiAdminSeesNoBaliRegencyAndBalisPageIsForbidden() throws Exception {
		String password = addUser("jambi-admin", "admin", "15");
		signOut();
		signIn("jambi-admin", password);

		assertThat(regencyCodes()).contains(SAROLANGUN).allSatisfy((code) -> assertThat(code).startsWith("15."));
		assertThat(this.browser.findElements(By.cssSelector("#province option")))
			.noneSatisfy((option) -> assertThat(option.getText()).isEqualTo("Bali"));
		assertThat(get("/regencies/" + DENPASAR).statusCode()).isEqualTo(403);
		assertThat(get("/regencies/" + DENPASAR + "/plan").statusCode()).isEqualTo(403);
		assertThat(get("/regencies/" + DENPASAR + "/forecast.csv").statusCode()).isEqualTo(403);
		assertThat(download("/export/overview.csv").body()).doesNotContain(DENPASAR);
		open("/regencies/" + DENPASAR);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tidak diizinkan");
		checkPage("forbidden");
		open("/alerts?province=51");
		assertThat(this.browser.findElements(By.cssSelector("ul.alerts li"))).isEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#province option"))).extracting(WebElement::getText)
			.containsExactly("Semua", "Jambi");
	}

	@Test
	@Order(9)
	void theWholeConsoleWorksFromTheKeyboardAndSignsOut() {
		open("/");
		this.browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		WebElement skip = this.browser.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Langsung ke isi");
		skip.sendKeys(Keys.ENTER);
		assertThat(this.browser.getCurrentUrl()).endsWith("#main");
		signOut();
		open("/");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		assertThat(this.pagesChecked).hasSizeGreaterThanOrEqualTo(9);
	}

	/**
	 * Every page's and export's query parameters, each given values a form or a
	 * hand-edited address can hold: empty, negative, huge, not numbers, broken encodings,
	 * markup.
	 */
	private static List<String> fuzzed() {
		Map<String, List<String>> routes = Map.of("/", List.of("province", "sort", "dir", "lang"), "/alerts",
				List.of("province", "regency", "direction", "page"), "/regencies/15.03/plan",
				List.of("target", "through", "budget"), "/regencies/15.03/plan.csv",
				List.of("target", "through", "budget"), "/regencies/15.03/plan.xlsx",
				List.of("target", "through", "budget"), "/export/overview.xlsx", List.of("province"),
				"/regencies/15.03", List.of("lang"));
		List<String> values = List.of("", "-1", "0", "1e400", "99999999999999999999", "%00", "%ff", "%E2%80%AE",
				"%27%20OR%201%3D1", "%3Cscript%3E", "2027-13", "9999-12", "0000-01", "NaN", "x".repeat(3000), "65,5,5",
				"%20%20");
		List<String> paths = new ArrayList<>();
		routes.forEach((route, parameters) -> parameters
			.forEach((parameter) -> values.forEach((value) -> paths.add(route + "?" + parameter + "=" + value))));
		return paths;
	}

	// The browser

	private void open(String path) {
		this.browser.get(this.console + path);
	}

	private void signIn(String login, String password) {
		open("/login");
		type("username", login);
		type("password", password);
		submit();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).as(login + " signed in")
			.isEqualTo("Ringkasan cakupan");
	}

	private void signOut() {
		this.browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().endsWith("/login?logout"));
	}

	private void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Submits the page's form and waits for the next page. */
	private void submit() {
		WebElement page = this.browser.findElement(By.tagName("html"));
		this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private List<String> regencyCodes() {
		return this.browser.findElements(By.cssSelector("table.data tbody th .code"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** axe finds no WCAG 2.2 AA violation, and the browser logged no error. */
	private void checkPage(String name) {
		Results results = new AxeBuilder().withTags(WCAG).analyze(this.browser);
		assertThat(results.getViolations()).as("axe on " + name + ": " + describe(results.getViolations())).isEmpty();
		List<LogEntry> errors = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			// The 403 page is meant to answer 403; chromium logs the status of every such
			// page.
			.filter((entry) -> !(name.equals("forbidden") && entry.getMessage().contains("403")))
			.toList();
		assertThat(errors).as("browser console on " + name).isEmpty();
		this.pagesChecked.add(name);
	}

	private static String describe(List<Rule> violations) {
		return violations.stream()
			.map((rule) -> rule.getId() + " (" + rule.getHelp() + "): "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())
			.toList()
			.toString();
	}

	private void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	// HTTP as the signed-in browser (its session cookie), and the services' APIs

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(asBrowser(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> download(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	private byte[] downloadBytes(String path) throws Exception {
		HttpResponse<byte[]> response = this.http.send(asBrowser(path).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.http.send(asBrowser(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder asBrowser(String path) {
		Cookie session = this.browser.manage().getCookieNamed("UCJSESSION");
		return HttpRequest.newBuilder(URI.create(this.console + path))
			.timeout(Duration.ofSeconds(30))
			.header("Cookie", "UCJSESSION=" + session.getValue());
	}

	private String csrfToken(String path) throws Exception {
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(get(path).body());
		assertThat(token.find()).as("a CSRF token on " + path).isTrue();
		return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
	}

	private JsonNode api(String path) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.system.url("coverage-aggregator") + path))
				.header("Authorization", "Bearer " + this.system.key("UCJ_READER_KEY"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/**
	 * Registers {@code count} BPU workers (JKK + JKM, APBD) captured at
	 * {@link #capturedAt}, paid through two months after the capture month.
	 */
	private void register(String regency, int first, int count) throws Exception {
		YearMonth paidThrough = YearMonth.from(this.capturedAt.atZone(WIB)).plusMonths(2);
		StringBuilder batch = new StringBuilder("{\"registrations\": [");
		for (int i = first; i < first + count; i++) {
			String nik = regency.replace(".", "") + "01" + "0101" + "90" + String.format("%04d", i);
			batch.append((i > first) ? "," : "")
				.append(String.format("{\"nik\": \"%s\", \"regencyCode\": \"%s\", \"segment\": \"BPU\", "
						+ "\"programs\": [\"JKK\", \"JKM\"], \"fundingSource\": \"APBD\", \"registeredAt\": \"%s\", "
						+ "\"paidThrough\": \"%s\"}", nik, regency, this.capturedAt, paidThrough));
		}
		batch.append("]}");
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(this.system.url("enrollment-service") + "/api/v1/registrations/batch"))
			.header("Authorization", "Bearer " + this.system.key("UCJ_ENROLLER_KEY"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(batch.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("REJECTED");
	}

	private void awaitCovered(String regency, long covered) {
		org.awaitility.Awaitility.await(regency + " counted")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> api("/api/v1/coverage/" + regency).get("covered").asLong() == covered);
	}

	/**
	 * Paid through two months after the capture month, then two grace months: lapsed in
	 * the fifth.
	 */
	private YearMonth lapseMonth() {
		return YearMonth.from(this.capturedAt.atZone(WIB)).plusMonths(5);
	}

	private String addUser(String login, String role, String areas) {
		Command.Result added = Command.run(Duration.ofSeconds(60), this.system.directory(), Command.java(), "-jar",
				Repository.ROOT.resolve("launcher/target/ucj-launcher.jar").toString(), "users", "add", "--login",
				login, "--role", role, "--areas", areas);
		assertThat(added.exitCode()).as(added.output()).isZero();
		List<String> lines = added.output().strip().lines().toList();
		return lines.get(lines.size() - 1).strip();
	}

	private static String rupiahId(long amount) {
		return "Rp" + String.format(Locale.GERMANY, "%,d", amount);
	}

	private static String monthId(YearMonth month) {
		return DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("id")).format(month);
	}

	/**
	 * A plan computed by hand: {@code participants} active until {@code lapse}, none
	 * after; from then each month is short of the target count by the whole of it (all
	 * renewals, as many lapsed as the target needs), at {@link #PREMIUM} a worker-month.
	 */
	private record Expected(long workerMonths, long cost, YearMonth holdsThrough, int monthsHeld, long spent) {

		static Expected plan(YearMonth from, YearMonth through, YearMonth lapse, long participants, int targetPercent,
				long budget) {
			long targetCount = (long) Math.ceil(100 * targetPercent / 100.0);
			long workerMonths = 0;
			long spent = 0;
			YearMonth holds = null;
			int held = 0;
			boolean withinBudget = true;
			for (YearMonth month = from; !month.isAfter(through); month = month.plusMonths(1)) {
				long shortfall = Math.max(0, targetCount - (month.isBefore(lapse) ? participants : 0));
				workerMonths += shortfall;
				withinBudget = withinBudget && spent + shortfall * PREMIUM <= budget;
				if (withinBudget) {
					spent += shortfall * PREMIUM;
					holds = month;
					held++;
				}
			}
			return new Expected(workerMonths, workerMonths * PREMIUM, holds, held, spent);
		}

	}

}
