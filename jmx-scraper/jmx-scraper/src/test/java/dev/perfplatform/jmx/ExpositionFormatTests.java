package dev.perfplatform.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionFormatTests {

    // Out of order on purpose: the writers sort families by name and samples by labels.
    private static final List<MetricFamily> PAGE = List.of(
            family("u", MetricType.UNKNOWN, "uh", sample(Map.of(), 1)),
            family(
                    "req",
                    MetricType.COUNTER,
                    "He\\lp \"q\"\nx",
                    sample(Map.of("a", "x\"y\\z\nw"), 3),
                    sample(Map.of("a", "b"), 0.00035)),
            family("g", MetricType.GAUGE, "gh", sample(Map.of(), Double.NaN)),
            family(
                    "g2",
                    MetricType.GAUGE,
                    "",
                    sample(Map.of("k", "5"), 123456789),
                    sample(Map.of("k", "1"), Double.POSITIVE_INFINITY),
                    sample(Map.of("k", "2"), Double.NEGATIVE_INFINITY),
                    sample(Map.of("k", "3"), 1e20),
                    sample(Map.of("k", "4", "j", "z"), -0.0)));

    @Test
    void writesPrometheusTextAsClientJavaDoes() throws IOException {
        // The expected text is what jmx_exporter 1.0.1's client_java prints for the same snapshots.
        assertThat(write(ExpositionFormat.PROMETHEUS_TEXT, PAGE)).isEqualTo("""
                        # HELP g gh
                        # TYPE g gauge
                        g NaN
                        # TYPE g2 gauge
                        g2{j="z",k="4"} -0.0
                        g2{k="1"} +Inf
                        g2{k="2"} -Inf
                        g2{k="3"} 1.0E20
                        g2{k="5"} 1.23456789E8
                        # HELP req_total He\\\\lp "q"\\nx
                        # TYPE req_total counter
                        req_total{a="b"} 3.5E-4
                        req_total{a="x\\"y\\\\z\\nw"} 3.0
                        # HELP u uh
                        # TYPE u untyped
                        u 1.0
                        """);
    }

    @Test
    void writesOpenMetricsAsClientJavaDoes() throws IOException {
        assertThat(write(ExpositionFormat.OPENMETRICS, PAGE)).isEqualTo("""
                        # TYPE g gauge
                        # HELP g gh
                        g NaN
                        # TYPE g2 gauge
                        g2{j="z",k="4"} -0.0
                        g2{k="1"} +Inf
                        g2{k="2"} -Inf
                        g2{k="3"} 1.0E20
                        g2{k="5"} 1.23456789E8
                        # TYPE req counter
                        # HELP req He\\\\lp \\"q\\"\\nx
                        req_total{a="b"} 3.5E-4
                        req_total{a="x\\"y\\\\z\\nw"} 3.0
                        # TYPE u unknown
                        # HELP u uh
                        u 1.0
                        # EOF
                        """);
    }

    @Test
    void writesAnEmptyPage() throws IOException {
        assertThat(write(ExpositionFormat.PROMETHEUS_TEXT, List.of())).isEmpty();
        assertThat(write(ExpositionFormat.OPENMETRICS, List.of())).isEqualTo("# EOF\n");
    }

    @Test
    void writesNonAsciiLabelValuesAsUtf8() throws IOException {
        List<MetricFamily> page = List.of(family("m", MetricType.GAUGE, "", sample(Map.of("l", "café ✓"), 2)));
        assertThat(write(ExpositionFormat.PROMETHEUS_TEXT, page)).isEqualTo("# TYPE m gauge\nm{l=\"café ✓\"} 2.0\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL|PROMETHEUS_TEXT",
                "''|PROMETHEUS_TEXT",
                "text/plain|PROMETHEUS_TEXT",
                "*/*|PROMETHEUS_TEXT",
                "application/openmetrics-text|OPENMETRICS",
                "application/openmetrics-text;version=0.0.1|OPENMETRICS",
                "text/plain;version=0.0.4;q=0.5, application/openmetrics-text; version=1.0.0;q=0.1|OPENMETRICS",
                "Application/OpenMetrics-Text|PROMETHEUS_TEXT",
                "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily|PROMETHEUS_TEXT"
            })
    void negotiatesTheFormatAsClientJavaDoes(String accept, ExpositionFormat expected) {
        assertThat(ExpositionFormat.negotiate(accept)).isEqualTo(expected);
    }

    @Test
    void namesTheExactContentTypes() {
        assertThat(ExpositionFormat.PROMETHEUS_TEXT.contentType())
                .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(ExpositionFormat.OPENMETRICS.contentType())
                .isEqualTo("application/openmetrics-text; version=1.0.0; charset=utf-8");
    }

    static String write(ExpositionFormat format, List<MetricFamily> page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(out, page);
        return out.toString(StandardCharsets.UTF_8);
    }

    static MetricFamily family(String name, MetricType type, String help, Sample... samples) {
        return new MetricFamily(name, type, help, List.of(samples));
    }

    static Sample sample(Map<String, String> labels, double value) {
        return new Sample(Labels.of(labels), value);
    }
}
