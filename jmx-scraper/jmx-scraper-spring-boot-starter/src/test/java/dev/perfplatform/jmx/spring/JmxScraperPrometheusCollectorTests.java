package dev.perfplatform.jmx.spring;

import static dev.perfplatform.jmx.spring.FixedMapper.family;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.FakeSource;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class JmxScraperPrometheusCollectorTests {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JmxScraper scraper;
    private JmxScraperPrometheusCollector collector;

    @AfterEach
    void close() {
        collector.close();
        scraper.close();
    }

    @Test
    void servesEveryFamilyWithItsTypeLabelsAndValues() {
        merge(
                family("heap_used_bytes", MetricType.GAUGE, 1.5, Double.NaN),
                family("requests", MetricType.COUNTER, 7),
                family("queue_depth", MetricType.UNKNOWN, Double.POSITIVE_INFINITY),
                new MetricFamily("plain", MetricType.GAUGE, "", List.of(new Sample(Labels.EMPTY, -2))));

        assertThat(page())
                .contains("""
                        # HELP heap_used_bytes help of heap_used_bytes
                        # TYPE heap_used_bytes gauge
                        heap_used_bytes{area="a0",target="t"} 1.5
                        heap_used_bytes{area="a1",target="t"} NaN
                        """)
                .contains("""
                        # TYPE plain gauge
                        plain{target="t"} -2.0
                        """)
                .contains("""
                        # HELP queue_depth help of queue_depth
                        # TYPE queue_depth untyped
                        queue_depth{area="a0",target="t"} +Inf
                        """)
                .contains("""
                        # HELP requests_total help of requests
                        # TYPE requests_total counter
                        requests_total{area="a0",target="t"} 7.0
                        """)
                .contains("jmx_scraper_target_up{target=\"t\"} 1.0\n")
                .contains("# TYPE jmx_scraper_build_info gauge\njmx_scraper_build_info{version=\"" + LibraryVersion.of()
                        + "\"} 1\n");
        assertThat(dropped("collision") + dropped("invalid")).isZero();
    }

    @Test
    void dropsAFamilyNamedLikeAMeterKeepsTheMeterAndCountsEachDrop(CapturedOutput output) {
        Gauge.builder("jvm.memory.used", new AtomicLong(42), AtomicLong::get)
                .baseUnit("bytes")
                .description("Micrometer's own")
                .register(meters);
        merge(family("jvm_memory_used_bytes", MetricType.GAUGE, 1), family("kept", MetricType.GAUGE, 3));

        page();
        String page = page();

        assertThat(page)
                .contains("jvm_memory_used_bytes 42.0\n")
                .doesNotContain("jvm_memory_used_bytes{area")
                .contains("kept{area=\"a0\",target=\"t\"} 3.0\n")
                .contains("jmx_scraper_merge_dropped_families_total{reason=\"collision\"} ");
        assertThat(dropped("collision")).isEqualTo(2.0);
        assertThat(dropped("invalid")).isZero();
        assertThat(output.getAll().split("left out of /actuator/prometheus", -1))
                .as("warned once")
                .hasSize(2);
    }

    @Test
    void dropsAFamilyThePrometheusClientRefusesAndCountsIt() {
        merge(family("negative", MetricType.COUNTER, -1), family("kept", MetricType.GAUGE, 3));

        page();
        assertThat(page())
                .doesNotContain("negative")
                .contains("kept{area=\"a0\",target=\"t\"} 3.0\n")
                .contains("jmx_scraper_build_info{version=\"" + LibraryVersion.of() + "\"} 1\n");
        assertThat(dropped("invalid")).isEqualTo(2.0);
        assertThat(dropped("collision")).isZero();
    }

    private void merge(MetricFamily... families) {
        scraper = JmxScraper.builder()
                .config(new ScraperConfig(
                        List.of(new TargetConfig(
                                "t",
                                URI.create("http://127.0.0.1:1/jolokia"),
                                null,
                                null,
                                TargetConfig.DEFAULT_DEADLINE,
                                Map.of())),
                        RulesConfig.defaults()))
                .sources((target, rules) -> FakeSource.serving())
                .mappers(rules -> new FixedMapper(families))
                .nanoTime(() -> 0L)
                .build();
        collector = JmxScraperPrometheusCollector.register(scraper, meters.getPrometheusRegistry(), meters);
    }

    private double dropped(String reason) {
        return meters.get(JmxScraperPrometheusCollector.DROPPED_METER)
                .tag("reason", reason)
                .counter()
                .count();
    }

    private String page() {
        return meters.scrape();
    }
}
