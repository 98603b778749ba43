package dev.perfplatform.jmx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.perfplatform.jmx.model.MetricType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTests {

    private static final Map<String, String> ENV = Map.of("APP_PASSWORD", "s3cret", "APP_USER", "monitor");

    private static Loaded<ScraperConfig> parse(String yaml) {
        return ConfigLoader.parse("cfg.yml", yaml, ENV::get);
    }

    private static String error(String yaml) {
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> parse(yaml))
                .actual()
                .getMessage();
    }

    @Test
    void readsTargetsWithCredentialsFromTheEnvironmentDeadlinesAndLabels() {
        ScraperConfig config = parse("""
                targets:
                  - name: app
                    url: http://127.0.0.1:8778/jolokia
                    username: ${APP_USER}
                    password: ${APP_PASSWORD}
                    deadline: 500ms
                    labels: {env: prod}
                  - name: other.one
                    url: https://127.0.0.1:8779/jolokia
                """).value();
        assertThat(config.targets())
                .containsExactly(
                        new TargetConfig(
                                "app",
                                URI.create("http://127.0.0.1:8778/jolokia"),
                                "monitor",
                                "s3cret",
                                Duration.ofMillis(500),
                                Map.of("env", "prod")),
                        TargetConfig.of("other.one", URI.create("https://127.0.0.1:8779/jolokia")));
        assertThat(config.rules()).isEqualTo(RulesConfig.defaults());
        assertThat(config.targets().get(0).toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource({"5s,PT5S", "1m,PT1M", "2h,PT2H", "PT0.25S,PT0.25S", "750ms,PT0.75S"})
    void acceptsShortAndIsoDeadlines(String written, String expected) {
        assertThat(parse("targets: [{name: a, url: 'http://127.0.0.1:1/jolokia', deadline: " + written + "}]")
                        .value()
                        .targets()
                        .get(0)
                        .deadline())
                .isEqualTo(Duration.parse(expected));
    }

    @Test
    void readsAnUnchangedJmxExporterFileWarningAboutStandaloneKeys() {
        Loaded<RulesConfig> loaded = ConfigLoader.loadRules(Path.of("src/test/resources/rules/kafka-style.yml"));
        RulesConfig rules = loaded.value();
        assertThat(rules.lowercaseOutputName()).isTrue();
        assertThat(rules.lowercaseOutputLabelNames()).isTrue();
        assertThat(rules.includeObjectNames()).containsExactly("kafka.server:*", "java.lang:*");
        assertThat(rules.excludeObjectNames()).containsExactly("kafka.server:type=Fetch,*");
        assertThat(rules.excludeObjectNameAttributes())
                .isEqualTo(Map.of("java.lang:type=Runtime", List.of("SystemProperties")));
        assertThat(rules.rules())
                .containsExactly(
                        new RuleConfig(
                                "kafka.server<type=(.+), name=(.+)PerSec\\w*><>Count",
                                "kafka_server_$1_$2_total",
                                null,
                                1.0,
                                Map.of(),
                                null,
                                MetricType.COUNTER,
                                false,
                                false),
                        new RuleConfig(
                                "java.lang<type=Memory><HeapMemoryUsage>(\\w+)",
                                "jvm_heap_$1_bytes",
                                null,
                                1.0,
                                Map.of("area", "heap"),
                                "Heap $1",
                                MetricType.GAUGE,
                                false,
                                false),
                        new RuleConfig(
                                "kafka.(\\w+)<type=(.+), name=(.+)><>Value",
                                "kafka_$1_$2_$3",
                                null,
                                0.001,
                                Map.of(),
                                null,
                                MetricType.UNKNOWN,
                                true,
                                true));
        String file = Path.of("src/test/resources/rules/kafka-style.yml").toString();
        assertThat(loaded.warnings())
                .extracting(ConfigWarning::toString)
                .containsExactly(
                        file
                                + ":2: hostPort: ignored: jmx-scraper reaches each target through its Jolokia agent (see targets)",
                        file
                                + ":3: startDelaySeconds: ignored: jmx-scraper reaches each target through its Jolokia agent (see targets)",
                        file
                                + ":4: ssl: ignored: jmx-scraper reaches each target through its Jolokia agent (see targets)",
                        file + ":24: rules[2].type: 'gauge' is not GAUGE, COUNTER or UNTYPED, so the metric is UNKNOWN"
                                + " (jmx_exporter 1.0.1 does the same; types are case-sensitive)");
    }

    @Test
    void anEmptyFileMeansEveryMBeanAndTheDefaultRule() {
        assertThat(parse("").value()).isEqualTo(new ScraperConfig(List.of(), RulesConfig.defaults()));
    }

    @Test
    void theNewerObjectNameKeysWinAndAnEmptyIncludeReadsNothing() {
        Loaded<ScraperConfig> loaded = parse("""
                includeObjectNames: []
                whitelistObjectNames: ["a:*"]
                """);
        assertThat(loaded.value().rules().includeObjectNames()).isEmpty();
        assertThat(loaded.value().rules().excludeObjectNames()).containsExactly("*:*");
        assertThat(loaded.warnings())
                .extracting(ConfigWarning::toString)
                .containsExactly(
                        "cfg.yml:2: whitelistObjectNames: ignored, as in jmx_exporter, because includeObjectNames is set",
                        "cfg.yml:1: includeObjectNames: is empty, so no MBean is read (as in jmx_exporter)");
    }

    @Test
    void attributeFilterKeysAreCanonicalObjectNames() {
        assertThat(parse("includeObjectNameAttributes: {'d:type=T,name=x': [A, B]}")
                        .value()
                        .rules()
                        .includeObjectNameAttributes())
                .isEqualTo(Map.of("d:name=x,type=T", List.of("A", "B")));
    }

    @Test
    void valueFactorThatIsNotANumberIsOneWithAWarning() {
        Loaded<ScraperConfig> loaded = parse("rules: [{pattern: x, valueFactor: abc}]");
        assertThat(loaded.value().rules().rules().get(0).valueFactor()).isEqualTo(1.0);
        assertThat(loaded.warnings())
                .extracting(ConfigWarning::toString)
                .containsExactly(
                        "cfg.yml:1: rules[0].valueFactor: 'abc' is not a number; 1.0 is used, as in jmx_exporter");
    }

    @Test
    void rejectsUnknownKeysNamingLineAndKey() {
        assertThat(error("lowercaseOutputName: true\ninferCounterTypeFromName: true\n"))
                .isEqualTo(
                        "cfg.yml:2: inferCounterTypeFromName: unknown key (jmx_exporter 1.0.1 has no such key, nor has"
                                + " jmx-scraper)");
        assertThat(error("rules:\n  - pattern: x\n    action: drop\n"))
                .isEqualTo("cfg.yml:3: rules[0].action: unknown key (a rule has attrNameSnakeCase, cache, help, labels,"
                        + " name, pattern, type, value, valueFactor)");
        assertThat(error("targets:\n  - name: a\n    url: http://127.0.0.1:1/\n    timeout: 5s\n"))
                .isEqualTo("cfg.yml:4: targets[0].timeout: unknown key (a target has deadline, labels, name, password,"
                        + " url, username)");
    }

    @Test
    void rejectsInvalidRuleValues() {
        assertThat(error("rules:\n  - pattern: 'a(b'\n"))
                .startsWith("cfg.yml:2: rules[0].pattern: not a valid regular expression");
        assertThat(error("rules:\n  - pattern: x\n    name: a\n    cache: yes please\n"))
                .isEqualTo("cfg.yml:4: rules[0].cache: must be true or false");
        assertThat(error("rules:\n  - pattern: x\n    name: 12\n"))
                .isEqualTo("cfg.yml:3: rules[0].name: must be a string");
        assertThat(error("excludeObjectNames: ['no colon']\n"))
                .startsWith("cfg.yml:1: excludeObjectNames[0]: 'no colon' is not a valid ObjectName");
        assertThat(error("lowercaseOutputName: 1\n"))
                .isEqualTo("cfg.yml:1: lowercaseOutputName: must be true or false");
    }

    @Test
    void readsEachRuleWithItsOriginAndLeavesCompilingToTheRulesEngine() {
        List<RuleConfig> rules = parse("""
                        lowercaseOutputName: true
                        rules:
                          - pattern: x
                          - pattern: x(y)
                            name: a_$2
                        """).value().rules().rules();
        assertThat(rules)
                .extracting(RuleConfig::origin)
                .containsExactly(new RuleConfig.Origin("cfg.yml", 3), new RuleConfig.Origin("cfg.yml", 4));
        assertThat(rules.get(1))
                .as("the origin is where a rule was written, not what it means")
                .isEqualTo(new RuleConfig("x(y)", "a_$2", null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false))
                .hasSameHashCodeAs(
                        new RuleConfig("x(y)", "a_$2", null, 1.0, Map.of(), null, MetricType.UNKNOWN, false, false));
    }

    @Test
    void rejectsInvalidTargets() {
        assertThat(error("targets:\n  - url: http://127.0.0.1:1/\n"))
                .isEqualTo("cfg.yml:2: targets[0].name: is required");
        assertThat(error("targets:\n  - {name: 'a b', url: 'http://127.0.0.1:1/'}\n"))
                .isEqualTo("cfg.yml:2: targets[0].name: 'a b' must match [a-zA-Z0-9_.-]+");
        assertThat(error("targets:\n  - {name: a, url: 'ftp://127.0.0.1/'}\n"))
                .isEqualTo("cfg.yml:2: targets[0].url: 'ftp://127.0.0.1/' must be an http or https URL with a host");
        assertThat(
                        error(
                                "targets:\n  - {name: a, url: 'http://127.0.0.1:1/'}\n  - {name: a, url: 'http://127.0.0.1:2/'}\n"))
                .isEqualTo("cfg.yml:3: targets[1].name: 'a' is used by another target");
        assertThat(error("targets:\n  - {name: a, url: 'http://127.0.0.1:1/', deadline: soon}\n"))
                .isEqualTo(
                        "cfg.yml:2: targets[0].deadline: 'soon' is not a duration (500ms, 5s, 1m, 2h or ISO-8601 like PT5S)");
        assertThat(error("targets:\n  - {name: a, url: 'http://127.0.0.1:1/', labels: {'1x': y}}\n"))
                .isEqualTo("cfg.yml:2: targets[0].labels.1x: not a valid Prometheus label name");
    }

    @Test
    void passwordsComeOnlyFromTheEnvironmentAndNeverAppearInErrors() {
        assertThat(error("targets:\n  - name: a\n    url: http://127.0.0.1:1/\n    password: hunter2\n"))
                .isEqualTo("cfg.yml:4: targets[0].password: must be a ${ENVIRONMENT_VARIABLE} reference: secrets come"
                        + " only from the environment")
                .doesNotContain("hunter2");
        assertThat(error("targets:\n  - name: a\n    url: http://127.0.0.1:1/\n    password: ${NOT_SET}\n"))
                .isEqualTo("cfg.yml:4: targets[0].password: environment variable NOT_SET is not set");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        assertThat(error("rules:\n  - pattern: [\n")).startsWith("cfg.yml:3: (yaml):");
    }
}
