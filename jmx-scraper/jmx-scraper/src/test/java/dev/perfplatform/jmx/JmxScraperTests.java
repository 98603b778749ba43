package dev.perfplatform.jmx;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmxScraperTests {

    private final Map<String, AttributeSource> sources = new HashMap<>();

    @Test
    void labelsEverySeriesWithItsTargetAndExtraLabelsAndMergesFamiliesAcrossTargets() {
        sources.put("a", FakeSource.serving(attribute("Memory", "used", 5), attribute("Ops", "ops_count", 7)));
        sources.put("b", FakeSource.serving(attribute("Memory", "used", 6)));
        ScraperConfig config = config(target("a", Map.of("env", "prod")), target("b", Map.of()));

        try (JmxScraper scraper = scraper(config)) {
            assertThat(text(scraper.scrape(null))).isEqualTo("""
                            # HELP jmx_scraper_build_info The jmx-scraper build.
                            # TYPE jmx_scraper_build_info gauge
                            jmx_scraper_build_info{version="unknown"} 1.0
                            # HELP jmx_scraper_dropped_families Rule families dropped from this scrape because a self-metric has their name.
                            # TYPE jmx_scraper_dropped_families gauge
                            jmx_scraper_dropped_families{target="a"} 0.0
                            jmx_scraper_dropped_families{target="b"} 0.0
                            # HELP jmx_scraper_scrape_duration_seconds How long this scrape waited for the target, in seconds.
                            # TYPE jmx_scraper_scrape_duration_seconds gauge
                            jmx_scraper_scrape_duration_seconds{target="a"} 0.0
                            jmx_scraper_scrape_duration_seconds{target="b"} 0.0
                            # HELP jmx_scraper_scrape_errors_total Scrapes of the target that failed or overran its deadline.
                            # TYPE jmx_scraper_scrape_errors_total counter
                            jmx_scraper_scrape_errors_total{target="a"} 0.0
                            jmx_scraper_scrape_errors_total{target="b"} 0.0
                            # HELP jmx_scraper_series Series the target contributed to this scrape.
                            # TYPE jmx_scraper_series gauge
                            jmx_scraper_series{target="a"} 2.0
                            jmx_scraper_series{target="b"} 1.0
                            # HELP jmx_scraper_target_up 1 when the target answered within its deadline, else 0.
                            # TYPE jmx_scraper_target_up gauge
                            jmx_scraper_target_up{target="a"} 1.0
                            jmx_scraper_target_up{target="b"} 1.0
                            # HELP ops_total help ops_count
                            # TYPE ops_total counter
                            ops_total{env="prod",target="a",type="Ops"} 7.0
                            # HELP used help used
                            # TYPE used gauge
                            used{env="prod",target="a",type="Memory"} 5.0
                            used{target="b",type="Memory"} 6.0
                            """);
        }
    }

    @Test
    void renamesRuleLabelsNamedLikeTheTargetsLabelsAsPrometheusDoes() {
        sources.put(
                "a",
                FakeSource.serving(new dev.perfplatform.jmx.model.JmxAttribute(
                        "test:target=x,env=y,exported_env=z",
                        "test",
                        Map.of("target", "x", "env", "y", "exported_env", "z"),
                        List.of(),
                        "used",
                        "double",
                        "",
                        1)));

        try (JmxScraper scraper = scraper(config(target("a", Map.of("env", "prod"))))) {
            assertThat(lines(scraper.scrape(null), "used{"))
                    .containsExactly(
                            "used{env=\"prod\",exported_env=\"y\",exported_exported_env=\"z\",exported_target=\"x\","
                                    + "target=\"a\"} 1.0");
        }
    }

    @Test
    void mergesFamiliesWhoseTypesDifferAsUnknown() {
        sources.put("a", FakeSource.serving(attribute("Ops", "ops_count", 1)));
        sources.put("b", FakeSource.serving(attribute("Ops", "ops", 2)));

        try (JmxScraper scraper = scraper(config(target("a", Map.of()), target("b", Map.of())))) {
            assertThat(lines(scraper.scrape(null), "ops"))
                    .containsExactly(
                            "# HELP ops help ops_count",
                            "# TYPE ops untyped",
                            "ops{target=\"a\",type=\"Ops\"} 1.0",
                            "ops{target=\"b\",type=\"Ops\"} 2.0");
        }
    }

    @Test
    void dropsRuleFamiliesNamedLikeSelfMetricsAndCountsThem() {
        sources.put(
                "a",
                FakeSource.serving(
                        attribute("X", "jmx_scraper_target_up", 9),
                        attribute("X", "jmx_scraper_scrape_errors_count", 9),
                        attribute("X", "kept", 3)));

        try (JmxScraper scraper = scraper(config(target("a", Map.of())))) {
            String page = text(scraper.scrape(null));
            assertThat(page)
                    .contains("jmx_scraper_target_up{target=\"a\"} 1.0\n")
                    .contains("jmx_scraper_scrape_errors_total{target=\"a\"} 0.0\n")
                    .contains("jmx_scraper_dropped_families{target=\"a\"} 2.0\n")
                    .contains("jmx_scraper_series{target=\"a\"} 1.0\n")
                    .contains("kept{target=\"a\",type=\"X\"} 3.0\n")
                    .doesNotContain("9.0");
        }
    }

    @Test
    void aFailingTargetContributesOnlyItsSelfMetricsAndCountsEachFailure() {
        sources.put("down", FakeSource.failing("connection refused"));
        sources.put("ok", FakeSource.serving(attribute("Memory", "used", 5)));

        try (JmxScraper scraper = scraper(config(target("down", Map.of()), target("ok", Map.of())))) {
            scraper.scrape(null);
            List<MetricFamily> page = scraper.scrape(null);
            assertThat(lines(page, "jmx_scraper_target_up{"))
                    .containsExactly(
                            "jmx_scraper_target_up{target=\"down\"} 0.0", "jmx_scraper_target_up{target=\"ok\"} 1.0");
            assertThat(lines(page, "jmx_scraper_scrape_errors_total{"))
                    .containsExactly(
                            "jmx_scraper_scrape_errors_total{target=\"down\"} 2.0",
                            "jmx_scraper_scrape_errors_total{target=\"ok\"} 0.0");
            assertThat(lines(page, "jmx_scraper_series{"))
                    .containsExactly(
                            "jmx_scraper_series{target=\"down\"} 0.0", "jmx_scraper_series{target=\"ok\"} 1.0");
            assertThat(lines(page, "used{")).containsExactly("used{target=\"ok\",type=\"Memory\"} 5.0");
        }
    }

    @Test
    void probesOneTargetWithoutTheTargetLabelButWithItsExtraLabels() {
        sources.put("a", FakeSource.serving(attribute("Memory", "used", 5)));
        sources.put("b", FakeSource.serving(attribute("Memory", "used", 6)));

        try (JmxScraper scraper = scraper(config(target("a", Map.of("env", "prod")), target("b", Map.of())))) {
            List<MetricFamily> page = scraper.probe("a", null).orElseThrow();
            assertThat(lines(page, "used{")).containsExactly("used{env=\"prod\",type=\"Memory\"} 5.0");
            assertThat(lines(page, "jmx_scraper_target_up{"))
                    .containsExactly("jmx_scraper_target_up{target=\"a\"} 1.0");
            assertThat(scraper.probe("nope", null)).isEmpty();
        }
    }

    @Test
    void measuresEachTargetsDurationWithTheInjectedClock() {
        long[] now = {0};
        sources.put("slow", new AttributeSource() {
            @Override
            public List<dev.perfplatform.jmx.model.JmxAttribute> read(Duration deadline) {
                now[0] += 1_500_000_000L;
                return List.of(attribute("Memory", "used", 5));
            }

            @Override
            public void close() {}
        });

        try (JmxScraper scraper = JmxScraper.builder()
                .config(config(target("slow", Map.of())))
                .sources((target, rules) -> sources.get(target.name()))
                .mappers(rules -> new FakeMapper())
                .nanoTime(() -> now[0])
                .build()) {
            assertThat(lines(scraper.scrape(null), "jmx_scraper_scrape_duration_seconds{"))
                    .containsExactly("jmx_scraper_scrape_duration_seconds{target=\"slow\"} 1.5");
        }
    }

    @Test
    void tracesOneTargetsAttributes() throws IOException {
        sources.put("a", FakeSource.serving(attribute("Memory", "used", 5)));

        try (JmxScraper scraper = scraper(config(target("a", Map.of())))) {
            assertThat(scraper.trace("a").orElseThrow())
                    .singleElement()
                    .satisfies(trace -> assertThat(trace.matchString()).isEqualTo("test<type=Memory><>used: 5"));
            assertThat(scraper.trace("nope")).isEmpty();
            assertThat(scraper.targetNames()).containsExactly("a");
        }
    }

    private JmxScraper scraper(ScraperConfig config) {
        return JmxScraper.builder()
                .config(config)
                .sources((target, rules) -> sources.get(target.name()))
                .mappers(rules -> new FakeMapper())
                .nanoTime(() -> 0L)
                .build();
    }

    static ScraperConfig config(TargetConfig... targets) {
        return new ScraperConfig(List.of(targets), RulesConfig.defaults());
    }

    static TargetConfig target(String name, Map<String, String> labels) {
        return new TargetConfig(
                name, URI.create("http://127.0.0.1:1/jolokia"), null, null, TargetConfig.DEFAULT_DEADLINE, labels);
    }

    static String text(List<MetricFamily> page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ExpositionFormat.PROMETHEUS_TEXT.write(out, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<String> lines(List<MetricFamily> page, String prefix) {
        return text(page)
                .lines()
                .filter(line -> line.startsWith(prefix)
                        || line.startsWith("# HELP " + prefix)
                        || line.startsWith("# TYPE " + prefix))
                .toList();
    }
}
