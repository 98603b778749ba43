package dev.perfplatform.jmx.internal.exposition;

import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The text formats a page can be written in, chosen from the scraper's {@code Accept} header. */
public enum ExpositionFormat {
    /** Prometheus text format 0.0.4, the default. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics text 1.0.0, written when the {@code Accept} header names it. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private static final String OPENMETRICS_MEDIA_TYPE = "application/openmetrics-text";

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The exact {@code Content-Type} header value of a page in this format. */
    public String contentType() {
        return contentType;
    }

    /**
     * The format for an {@code Accept} header, as client_java 1.x chooses: OpenMetrics when any of the listed media
     * types is {@code application/openmetrics-text} (whatever its parameters or q-value), else Prometheus text.
     */
    public static ExpositionFormat negotiate(@Nullable String accept) {
        if (accept == null) {
            return PROMETHEUS_TEXT;
        }
        for (String range : accept.split(",", -1)) {
            int semicolon = range.indexOf(';');
            String mediaType = (semicolon < 0 ? range : range.substring(0, semicolon)).trim();
            if (mediaType.equals(OPENMETRICS_MEDIA_TYPE)) {
                return OPENMETRICS;
            }
        }
        return PROMETHEUS_TEXT;
    }

    /** Whether an {@code Accept-Encoding} header allows a gzip body (one of its codings is {@code gzip}). */
    public static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",", -1)) {
            int semicolon = coding.indexOf(';');
            String name = (semicolon < 0 ? coding : coding.substring(0, semicolon)).trim();
            if (name.equalsIgnoreCase("gzip") && !rejected(coding, semicolon)) {
                return true;
            }
        }
        return false;
    }

    private static boolean rejected(String coding, int semicolon) {
        if (semicolon < 0) {
            return false;
        }
        for (String parameter : coding.substring(semicolon + 1).split(";", -1)) {
            String trimmed = parameter.trim();
            if (trimmed.startsWith("q=")) {
                try {
                    return Double.parseDouble(trimmed.substring(2)) == 0.0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Writes a page to {@code out} in this format through a small buffer (the page is never built as one String);
     * {@code out} is flushed, not closed.
     */
    public void write(OutputStream out, List<MetricFamily> page) throws IOException {
        TextWriter writer = this == OPENMETRICS ? new OpenMetricsWriter(out) : new PrometheusTextWriter(out);
        writer.writePage(page);
    }
}
