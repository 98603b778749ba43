package dev.perfplatform.jmx.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.ExpositionFormat;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.ConfigLoader;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.testing.JmxExporterOracle;
import dev.perfplatform.jmx.testing.PrometheusText;
import dev.perfplatform.jmx.testing.PrometheusText.Series;
import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compatibility oracle: jmx_exporter 1.0.1's standalone server reads a real JVM over RMI and we read the same JVM
 * through its Jolokia agent, with the same rules file. Equal means the same set of (name, sorted labels, TYPE), and
 * equal values for the test's fixed-value MBeans; self-metrics and HELP are left out.
 */
class JmxExporterCompatibilityIntegrationTests {

    /** Series each case must produce, so that agreeing on too little cannot pass. */
    private static final Map<String, List<String>> MUST_COVER = Map.of(
            "default-rule.yaml",
            List.of(
                    "test_Numbers_NaNValue{}",
                    "test_Misc_StartDate{}",
                    "test_Misc_Enabled{}",
                    "test_Misc_MultiTable_hits{region=\"eu\",zone=\"a\",}",
                    "test_Tables_Counts{key=\"a\",}",
                    "test_Quoted_Value{name=\"\"a,b\"\",}", // quotes kept, label value unescaped
                    "test_z_Value{alpha=\"a\",type=\"Ordered\",}", // registration order: zeta first
                    "test_Generated_Attr0{name=\"g0\",}",
                    "java_lang_Memory_HeapMemoryUsage_used{}"),
            "default-rule-lowercase.yaml",
            List.of("test_numbers_nanvalue{}", "java_lang_memory_heapmemoryusage_used{}"),
            "pattern-rules.yaml",
            List.of(
                    "test_active_requests_total{}",
                    "test_numbers_double_scaled{}",
                    "test_state{state=\"RUNNING\",}",
                    "test_table_hits{region=\"us\",zone=\"a\",}",
                    "test_dup{_objectname=\"test<type=Dup, name=x><>A_B\",}",
                    "test_quoted{name=\"a,b\",}",
                    "jvm_gc_CollectionCount_total{gc=\"G1 Young Generation\",}",
                    "jvm_threading_daemon_thread_count{}",
                    "os_processors{}"));

    private static TargetJvm target;

    @BeforeAll
    static void startTarget() throws IOException {
        target = TargetJvm.builder().attributes(120).start();
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default-rule.yaml", "default-rule-lowercase.yaml", "pattern-rules.yaml"})
    void producesTheSeriesJmxExporterProduces(String rulesFile) throws IOException {
        String rules = resource(rulesFile);
        Map<String, Series> theirs;
        try (JmxExporterOracle oracle = JmxExporterOracle.start(target, rules)) {
            theirs = comparable(oracle.scrape());
        }
        Map<String, Series> ours = comparable(ourPage(rules));

        assertThat(ours.keySet()).as("series (name and labels)").isEqualTo(theirs.keySet());
        assertThat(typesOf(ours)).as("TYPE of every series").isEqualTo(typesOf(theirs));
        assertThat(fixedValues(ours))
                .as("values of the fixed-value test MBeans")
                .isEqualTo(fixedValues(theirs));
        assertThat(ours.keySet()).as("series every case must cover").containsAll(MUST_COVER.get(rulesFile));
    }

    private static String ourPage(String rulesYaml) throws IOException {
        RulesConfig rules = ConfigLoader.parseRules("compat", rulesYaml).value();
        ScraperConfig config = new ScraperConfig(List.of(TargetConfig.of("app", target.jolokiaUrl())), rules);
        try (JmxScraper scraper = JmxScraper.create(config)) {
            List<MetricFamily> page = scraper.probe("app", null).orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExpositionFormat.PROMETHEUS_TEXT.write(out, page);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The page's series by identity, without either exporter's self-metrics; the page must be well-formed. */
    private static Map<String, Series> comparable(String text) {
        PrometheusText.Page page = PrometheusText.parse(text);
        assertThat(page.problems()).as("format problems").isEmpty();
        Map<String, Series> series = new TreeMap<>(page.byId());
        series.values()
                .removeIf(s -> s.name().startsWith("jmx_scrape")
                        || s.name().startsWith("jmx_config")
                        || s.name().startsWith("jmx_exporter")
                        || s.name().startsWith("jmx_scraper_"));
        return series;
    }

    private static Map<String, String> typesOf(Map<String, Series> series) {
        return series.values().stream().collect(Collectors.toMap(Series::id, Series::type, (a, b) -> a, TreeMap::new));
    }

    /** Values of the test domain's series; NaN is written as a string so that NaN equals NaN. */
    private static Map<String, String> fixedValues(Map<String, Series> series) {
        return series.values().stream()
                .filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).startsWith("test_"))
                .collect(Collectors.toMap(Series::id, s -> Double.toString(s.value()), (a, b) -> a, TreeMap::new));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                JmxExporterCompatibilityIntegrationTests.class.getResourceAsStream("/compat/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
