package dev.perfplatform.jmx.internal.exposition;

import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The entry to the writers, for the public {@code dev.perfplatform.jmx.ExpositionFormat}. */
public final class PageWriters {

    private PageWriters() {}

    /** Prometheus text 0.0.4; {@code out} is flushed, not closed. */
    public static void writePrometheusText(OutputStream out, List<MetricFamily> page) throws IOException {
        new PrometheusTextWriter(out).writePage(page);
    }

    /** OpenMetrics 1.0.0; {@code out} is flushed, not closed. */
    public static void writeOpenMetrics(OutputStream out, List<MetricFamily> page) throws IOException {
        new OpenMetricsWriter(out).writePage(page);
    }
}
