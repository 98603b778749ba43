package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.ExpositionFormat;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The page formats {@code /actuator/jmxscraper} produces, chosen from the {@code Accept} header by the actuator:
 * Prometheus text 0.0.4 unless OpenMetrics is asked for.
 */
public enum JmxScraperOutputFormat implements Producible<JmxScraperOutputFormat> {

    /** Prometheus text format 0.0.4, the default. */
    PROMETHEUS_TEXT(ExpositionFormat.PROMETHEUS_TEXT) {
        @Override
        public boolean isDefault() {
            return true;
        }
    },

    /** OpenMetrics text 1.0.0. */
    OPENMETRICS(ExpositionFormat.OPENMETRICS);

    private final ExpositionFormat format;

    @SuppressWarnings("ImmutableEnumChecker") // Spring's MimeType is immutable, though not annotated as such
    private final MimeType mimeType;

    JmxScraperOutputFormat(ExpositionFormat format) {
        this.format = format;
        this.mimeType = MimeTypeUtils.parseMimeType(format.contentType());
    }

    @Override
    public MimeType getProducedMimeType() {
        return mimeType;
    }

    /** The writer of pages in this format. */
    ExpositionFormat format() {
        return format;
    }
}
