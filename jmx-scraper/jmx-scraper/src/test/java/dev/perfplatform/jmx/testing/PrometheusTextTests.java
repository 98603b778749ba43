package dev.perfplatform.jmx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    @Test
    void parsesSamplesWithSortedLabelsTypeAndHelp() {
        PrometheusText.Page page = PrometheusText.parse("""
                # HELP jvm_memory_used Used bytes\\nof memory.
                # TYPE jvm_memory_used gauge
                jvm_memory_used{pool="eden",area="heap"} 1.5
                jvm_memory_used{area="non\\"heap\\\\",pool="meta"} NaN
                # TYPE requests counter
                requests_total 3 1700000000000
                plain -Inf
                """);

        assertThat(page.problems()).isEmpty();
        assertThat(page.series())
                .containsExactly(
                        new PrometheusText.Series(
                                "jvm_memory_used", new TreeMap<>(Map.of("area", "heap", "pool", "eden")), "gauge", 1.5),
                        new PrometheusText.Series(
                                "jvm_memory_used",
                                new TreeMap<>(Map.of("area", "non\"heap\\", "pool", "meta")),
                                "gauge",
                                Double.NaN),
                        new PrometheusText.Series("requests_total", new TreeMap<>(), "counter", 3),
                        new PrometheusText.Series("plain", new TreeMap<>(), "untyped", Double.NEGATIVE_INFINITY));
        assertThat(page.help()).containsExactly(Map.entry("jvm_memory_used", "Used bytes\\nof memory."));
        assertThat(page.types())
                .containsExactly(Map.entry("jvm_memory_used", "gauge"), Map.entry("requests", "counter"));
    }

    @Test
    void reportsDuplicateSeriesSplitFamiliesAndRepeatedMetadata() {
        PrometheusText.Page page = PrometheusText.parse("""
                # TYPE a gauge
                # TYPE a gauge
                a{x="1"} 1
                b 2
                a{x="1"} 3
                not a sample
                """);

        assertThat(page.problems())
                .containsExactly(
                        "repeated TYPE for a",
                        "split family a",
                        "duplicate series a{x=\"1\",}",
                        "unparseable line: not a sample (For input string: \"a\")");
    }
}
