package dev.perfplatform.jmx;

import dev.perfplatform.jmx.internal.exposition.PageWriters;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The text formats a scraped page is rendered in: Prometheus text 0.0.4 and OpenMetrics 1.0.0, written as Prometheus's
 * client_java 1.x writes them.
 *
 * <pre>{@code
 * List<MetricFamily> page = scraper.scrape(null);
 * ExpositionFormat format = ExpositionFormat.negotiate(acceptHeader); // or PROMETHEUS_TEXT, OPENMETRICS
 * response.setHeader("Content-Type", format.contentType());
 * format.write(response.getOutputStream(), page);
 * }</pre>
 */
public enum ExpositionFormat {
    /** Prometheus text format 0.0.4, the default. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics text 1.0.0, ended by {@code # EOF}. */
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
     * The format for an HTTP {@code Accept} header, as client_java 1.x chooses: OpenMetrics when any of the listed
     * media types is {@code application/openmetrics-text} (whatever its parameters or q-value), else Prometheus text.
     *
     * @param accept the header's value; null when the request has none
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

    /**
     * Writes a page in this format as UTF-8 to {@code out} through a small buffer (the page is never built as one
     * string), families sorted by name; {@code out} is flushed, not closed.
     *
     * @param out where the bytes go, for example an HTTP response body or a {@code ByteArrayOutputStream}
     * @param page what {@link JmxScraper#scrape} or {@link JmxScraper#probe} returned
     */
    public void write(OutputStream out, List<MetricFamily> page) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(page, "page");
        if (this == OPENMETRICS) {
            PageWriters.writeOpenMetrics(out, page);
        } else {
            PageWriters.writePrometheusText(out, page);
        }
    }
}
