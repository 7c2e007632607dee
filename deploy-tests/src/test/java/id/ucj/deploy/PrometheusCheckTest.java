package id.ucj.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.ucj.testsupport.Docs;
import id.ucj.testsupport.HttpTestClient;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations check: the system as the launcher runs it, a campaign from the
 * simulator, and Debian's Prometheus scraping the three services with
 * {@code deploy/prometheus}. Then every target must be up, every rule must load and read
 * metrics that exist, {@code promtool} must accept the rules and pass their unit tests,
 * and every Grafana panel's query must return data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusCheckTest {

	private static final Duration STEP = Duration.ofSeconds(2);

	private static final Set<String> SERVICES = Set.of("enrollment-service", "coverage-aggregator",
			"notification-service");

	private Path directory;

	private ExternalTool promtool;

	private ExternalTool amtool;

	private ServerProcess alertmanager;

	private WebhookReceiver webhook;

	private LaunchedSystem system;

	private PrometheusServer prometheus;

	private GreenMail mail;

	private Instant start;

	private Instant end;

	@BeforeAll
	void runACampaignUnderPrometheus(@TempDir Path directory) throws Exception {
		this.directory = directory;
		ExternalTool prometheusTool = ExternalTool.require("prometheus", "prometheus");
		this.promtool = ExternalTool.require("promtool", "prometheus");
		this.amtool = ExternalTool.require("amtool", "prometheus-alertmanager");
		ExternalTool alertmanagerTool = ExternalTool.require("prometheus-alertmanager", "prometheus-alertmanager");
		this.webhook = new WebhookReceiver();
		this.mail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
		byte[] secret = new byte[32];
		ThreadLocalRandom.current().nextBytes(secret);
		this.system = LaunchedSystem.start(this.directory,
				Map.of("UCJ_CHANNELS_WEBHOOK_URL", this.webhook.url(), "UCJ_CHANNELS_WEBHOOK_SECRET",
						Base64.getEncoder().encodeToString(secret), "UCJ_CHANNELS_EMAIL_TO", "ops@jambiprov.example",
						"SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
						String.valueOf(this.mail.getSmtp().getPort())),
				Duration.ofMinutes(4));
		int alertmanagerPort = FreePorts.next();
		this.alertmanager = ServerProcess.start("Alertmanager", directory.resolve("alertmanager.log"), alertmanagerPort,
				List.of(alertmanagerTool.command(),
						"--config.file=" + Repository.DEPLOY.resolve("alertmanager/alertmanager.yml"),
						"--storage.path=" + directory.resolve("alertmanager-data"),
						"--web.listen-address=127.0.0.1:" + alertmanagerPort, "--cluster.listen-address="));
		this.prometheus = PrometheusServer.start(prometheusTool, this.directory, this.system.servicePorts,
				this.system.readerKeyFile(), "127.0.0.1:" + alertmanagerPort);
		this.start = Instant.now();
		int services = this.system.servicePorts.size();
		await("every service scraped once, so that counters start from their zero").atMost(Duration.ofSeconds(30))
			.until(() -> this.prometheus.query("count(up == 1) == " + services, Instant.now()).size() == 1);

		sendWhatFieldAppsGetWrong();
		sendARecordNoConsumerCanRead();
		simulate("sarolangun", "--given-out=" + this.directory.resolve("given.tsv"));
		simulate("national", "--participants=3000", "--seed=11");

		await("an alert delivered after a refused attempt, the dead letter counted").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> !this.prometheus.query("ucj_alert_deliveries_total{outcome=\"delivered\"} > 0", Instant.now())
				.isEmpty()
					&& !this.prometheus.query("ucj_alert_deliveries_total{outcome=\"failed\"} > 0", Instant.now())
						.isEmpty()
					&& !this.prometheus.query("ucj_kafka_dead_letters_total > 0", Instant.now()).isEmpty());
		long simulated = Instant.now().getEpochSecond();
		await("scrapes and rule evaluations after the campaign").atMost(Duration.ofSeconds(30))
			.until(() -> !this.prometheus
				.query("min(timestamp(up)) > " + (simulated + 2) + " and on() timestamp(ucj:coverage_ratio:national) > "
						+ (simulated + 2), Instant.now())
				.isEmpty());
		this.end = Instant.now();
	}

	@AfterAll
	void stop() {
		if (this.mail != null) {
			this.mail.stop();
		}
		Stream.of(this.prometheus, this.alertmanager, this.system, this.webhook)
			.filter((part) -> part != null)
			.forEach((part) -> {
				try {
					part.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
	}

	/**
	 * UU 27/2022: no NIK or name of the Sarolangun campaign anywhere the system wrote:
	 * every file under the data directory (Kafka's segments, the store's pages, the
	 * services' logs, the keys), every Kafka topic read as a consumer (dead letters
	 * included), every MongoDB document, every metric, the launcher's output, and the
	 * webhook and e-mail bodies.
	 */
	@Test
	void leavesNoNikOrNameOfTheCampaignInAnythingTheSystemWrote() throws Exception {
		PersonalDataScan scan = new PersonalDataScan(this.directory.resolve("given.tsv"));
		assertThat(scan.niks()).isGreaterThan(70_000);
		assertThat(scan.names()).isGreaterThan(100);
		assertThat(this.webhook.bodies()).isNotEmpty();
		assertThat(this.mail.getReceivedMessages()).isNotEmpty();

		scan.scanFiles(this.system.dataDir());
		scan.scan("launcher output", this.system.log());
		KafkaTopics.readAll(this.system.kafkaBootstrapServers(), scan::scan);
		MongoDocuments.readAll(this.system.mongoUri(), scan::scan);
		for (String service : this.system.servicePorts.keySet()) {
			scan.scan(service + " /actuator/prometheus",
					new HttpTestClient(this.system.servicePorts.get(service), this.system.key("UCJ_READER_KEY"))
						.get("/actuator/prometheus")
						.body());
		}
		this.webhook.bodies().forEach((body) -> scan.scan("webhook body", body));
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			scan.scan("e-mail " + message.getSubject(), message.getSubject() + "\n" + GreenMailUtil.getBody(message));
		}

		assertThat(scan.scannedBytes()).isGreaterThan(1_000_000);
		assertThat(scan.findings()).isEmpty();
	}

	/**
	 * docs/operations.md names every metric family the three services export, after a
	 * campaign that also took the error paths (dead letters, a refused delivery), so that
	 * a metric added without its documentation fails here.
	 */
	@Test
	void everyMetricTheServicesExportIsInTheOperationsPage() {
		Set<String> documented = Docs.ofThisRepository().codeSpans("docs/operations.md");
		Set<String> exported = new TreeSet<>();
		for (String service : this.system.servicePorts.keySet()) {
			exported.addAll(ExportedMetrics
				.families(new HttpTestClient(this.system.servicePorts.get(service), this.system.key("UCJ_READER_KEY"))
					.get("/actuator/prometheus")
					.body()));
		}

		assertThat(exported).as("metric families exported").hasSizeGreaterThan(50).contains("ucj_coverage_ratio");
		assertThat(exported.stream().filter((family) -> !ExportedMetrics.documented(family, documented)))
			.as("metric families missing from docs/operations.md")
			.isEmpty();
	}

	/**
	 * The scan finds what it looks for: the simulator's own list of what it gave holds
	 * every NIK and name.
	 */
	@Test
	void thePersonalDataScanFindsNiksAndNamesWhereTheyAre() throws Exception {
		PersonalDataScan scan = new PersonalDataScan(this.directory.resolve("given.tsv"));

		scan.scan("given.tsv", Files.readAllBytes(this.directory.resolve("given.tsv")));
		scan.scan("a log line",
				"registered nik=" + Files.readAllLines(this.directory.resolve("given.tsv")).get(7).replace('\t', ' '));

		assertThat(scan.findings()).hasSizeGreaterThan(2 * scan.niks() - 10);
		assertThat(scan.findings().get(scan.findings().size() - 1)).startsWith("a log line: name");
	}

	@Test
	void everyTargetIsUp() {
		JsonNode targets = this.prometheus.get("/api/v1/targets", Map.of("state", "active")).path("activeTargets");

		assertThat(targets.valueStream().map((target) -> target.path("labels").path("application").asString()))
			.containsExactlyInAnyOrderElementsOf(SERVICES);
		assertThat(targets.valueStream()).allSatisfy((target) -> assertThat(target.path("health").asString())
			.as(target.path("scrapeUrl").asString() + " " + target.path("lastError").asString())
			.isEqualTo("up"));
	}

	@Test
	void promtoolAndAmtoolAcceptTheConfigurationAndTheRulesAndTheirUnitTestsPass() throws IOException {
		Path rules = Repository.DEPLOY.resolve("prometheus/rules");
		List<String> check = new ArrayList<>(List.of(this.promtool.command(), "check", "rules"));
		check.addAll(files(rules, ".yml"));
		List<String> test = new ArrayList<>(List.of(this.promtool.command(), "test", "rules"));
		test.addAll(files(Repository.DEPLOY.resolve("prometheus/tests"), ".yml"));

		// Syntax only: the key files they name exist where Prometheus runs (a Secret, the
		// launcher's data directory).
		List<String> configs = new ArrayList<>(List.of(this.promtool.command(), "check", "config", "--syntax-only"));
		configs.addAll(List.of(Repository.DEPLOY.resolve("prometheus/prometheus.yml").toString(),
				Repository.DEPLOY.resolve("prometheus/local.yml").toString()));
		List<String> alertmanagerConfig = List.of(this.amtool.command(), "check-config",
				Repository.DEPLOY.resolve("alertmanager/alertmanager.yml").toString());
		for (List<String> command : List.of(check, test, configs, alertmanagerConfig)) {
			Command.Result result = Command.run(Duration.ofMinutes(1), Repository.ROOT, command.toArray(String[]::new));
			assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output()).isZero();
		}
	}

	@Test
	void everyRuleLoadsAndEvaluatesWithoutError() throws IOException {
		Set<String> inFiles = new TreeSet<>();
		for (String file : files(Repository.DEPLOY.resolve("prometheus/rules"), ".yml")) {
			for (Map<String, Object> rule : RuleFiles.rules(Path.of(file))) {
				inFiles.add(RuleFiles.name(rule));
			}
		}

		List<JsonNode> loaded = this.prometheus.get("/api/v1/rules", Map.of())
			.path("groups")
			.valueStream()
			.flatMap((group) -> group.path("rules").valueStream())
			.toList();

		assertThat(loaded).extracting((rule) -> rule.path("name").asString())
			.containsExactlyInAnyOrderElementsOf(inFiles);
		assertThat(loaded).allSatisfy((rule) -> assertThat(rule.path("health").asString())
			.as(rule.path("name").asString() + ": " + rule.path("lastError").asString())
			.isEqualTo("ok"));
	}

	@Test
	void thePoisonRecordFiresUcjDeadLettersAllTheWayToAlertmanager() {
		await("UcjDeadLetters firing in Prometheus and received by Alertmanager").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> {
				assertThat(this.prometheus.get("/api/v1/alerts", Map.of())
					.path("alerts")
					.valueStream()
					.filter((alert) -> "firing".equals(alert.path("state").asString())))
					.anySatisfy((alert) -> assertThat(alert.path("labels").path("alertname").asString())
						.isEqualTo("UcjDeadLetters"))
					.allSatisfy((alert) -> assertThat(alert.path("labels").path("alertname").asString())
						.as("no other alert fires on a healthy system")
						.isEqualTo("UcjDeadLetters"));
				assertThat(this.alertmanager.getJson("/api/v2/alerts", Map.of()).valueStream())
					.anySatisfy((alert) -> assertThat(alert.path("labels").path("topic").asString())
						.isEqualTo("participant-events.DLT"));
			});
	}

	@Test
	void everyRuleReadsMetricsThatExist() throws IOException {
		Set<String> existing = metricNames();
		List<String> unknown = new ArrayList<>();
		for (String file : files(Repository.DEPLOY.resolve("prometheus/rules"), ".yml")) {
			for (Map<String, Object> rule : RuleFiles.rules(Path.of(file))) {
				String expression = String.valueOf(rule.get("expr"));
				for (String name : PromQl.metricNames(expression)) {
					if (!existing.contains(name)) {
						unknown.add(RuleFiles.name(rule) + " reads " + name);
					}
				}
			}
		}

		assertThat(unknown).isEmpty();
	}

	@Test
	void everyDashboardPanelQueriesMetricsThatExist() {
		Set<String> existing = metricNames();
		List<String> unknown = new ArrayList<>();
		for (Dashboards.Query query : Dashboards.queries()) {
			for (String name : PromQl.metricNames(expand(query))) {
				if (!existing.contains(name)) {
					unknown.add(query + " reads " + name);
				}
			}
		}

		assertThat(unknown).isEmpty();
	}

	@Test
	void everyDashboardPanelReturnsData() {
		Map<String, String> asTheDashboardsOpen = Dashboards.variables();

		assertThat(panelsWithoutData(asTheDashboardsOpen)).as("panel queries that returned no data").isEmpty();
	}

	@Test
	void everyDashboardPanelReturnsDataForChosenProvinces() {
		Map<String, String> variables = new java.util.HashMap<>(Dashboards.variables());
		variables.put("province", "(Jambi|Aceh)");

		assertThat(panelsWithoutData(variables)).as("panel queries that returned no data for Jambi and Aceh").isEmpty();
	}

	@Test
	void everyTemplateVariableOffersValuesAndItsDefaultIsOneOfThem() {
		Map<String, String> variables = Dashboards.variables();
		for (JsonNode dashboard : Dashboards.all()) {
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				java.util.regex.Matcher labelValues = java.util.regex.Pattern.compile("label_values\\((.+), *(\\w+)\\)")
					.matcher(variable.path("definition").asString());
				assertThat(labelValues.matches()).as(variable.toString()).isTrue();
				String selector = Dashboards.expand(labelValues.group(1), variables, PrometheusServer.SCRAPE_INTERVAL,
						STEP, Duration.between(this.start, this.end));
				List<String> values = this.prometheus
					.get("/api/v1/label/" + labelValues.group(2) + "/values", Map.of("match[]", selector))
					.valueStream()
					.map(JsonNode::asString)
					.toList();
				String current = variables.get(variable.path("name").asString());

				assertThat(values).as(dashboard.path("title").asString() + " $" + variable.path("name").asString())
					.isNotEmpty();
				if (!".*".equals(current)) {
					assertThat(values).contains(current);
				}
			}
		}
	}

	private List<String> panelsWithoutData(Map<String, String> variables) {
		List<String> empty = new ArrayList<>();
		for (Dashboards.Query query : Dashboards.queries()) {
			String expression = Dashboards.expand(query.expression(), variables, PrometheusServer.SCRAPE_INTERVAL, STEP,
					Duration.between(this.start, this.end));
			JsonNode result = query.instant() ? this.prometheus.query(expression, this.end)
					: this.prometheus.queryRange(expression, this.start, this.end, STEP);
			if (!hasANumber(result)) {
				empty.add(query + "\n    sent as: " + expression + "\n    returned: " + result);
			}
		}
		return empty;
	}

	private String expand(Dashboards.Query query) {
		return Dashboards.expand(query.expression(), Dashboards.variables(), PrometheusServer.SCRAPE_INTERVAL, STEP,
				Duration.between(this.start, this.end));
	}

	private Set<String> metricNames() {
		Set<String> names = new TreeSet<>();
		this.prometheus.get("/api/v1/label/__name__/values", Map.of()).forEach((name) -> names.add(name.asString()));
		return names;
	}

	private static boolean hasANumber(JsonNode result) {
		return result.valueStream().anyMatch((series) -> {
			List<JsonNode> samples = series.has("values") ? series.path("values").valueStream().toList()
					: List.of(series.path("value"));
			return samples.stream().anyMatch((sample) -> {
				String value = sample.path(1).asString();
				return !value.isEmpty() && !"NaN".equals(value);
			});
		});
	}

	/**
	 * A malformed body and a bad NIK, as field apps send now and then: the rejections
	 * panel has reasons to show.
	 */
	private void sendWhatFieldAppsGetWrong() {
		HttpTestClient enrollment = new HttpTestClient(this.system.servicePorts.get("enrollment-service"),
				this.system.key("UCJ_ENROLLER_KEY"));
		assertThat(enrollment.post("/api/v1/registrations", "{\"nik\": ").statusCode()).isEqualTo(400);
		assertThat(enrollment.post("/api/v1/registrations", "{\"nik\": \"123\", \"fullName\": \"X\"}").statusCode())
			.isEqualTo(400);
	}

	/**
	 * A record of an unknown type on participant-events: the aggregator sends it to the
	 * dead-letter topic.
	 */
	private void sendARecordNoConsumerCanRead() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.system.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("participant-events",
					"poison".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_type", "participant.teleported".getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new AssertionError("Could not publish to participant-events", ex);
		}
	}

	private void simulate(String scenario, String... options) throws IOException {
		List<String> command = new ArrayList<>(List.of(Command.java(), "-jar",
				Repository.ROOT.resolve("simulator/target/ucj-simulator.jar").toString(), scenario,
				"--enrollment=" + this.system.url("enrollment-service"),
				"--aggregator=" + this.system.url("coverage-aggregator"),
				"--notification=" + this.system.url("notification-service"),
				"--local-keys=" + this.system.localKeys()));
		command.addAll(List.of(options));
		Command.Result result = Command.run(Duration.ofMinutes(10), this.directory, command.toArray(String[]::new));
		Files.writeString(this.directory.resolve(scenario + ".log"), result.output(), StandardCharsets.UTF_8);
		assertThat(result.exitCode()).as(String.join(" ", command) + "\n" + result.output() + "\n" + this.system.log())
			.isZero();
	}

	private static List<String> files(Path directory, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).sorted().map(Path::toString).toList();
		}
	}

}
