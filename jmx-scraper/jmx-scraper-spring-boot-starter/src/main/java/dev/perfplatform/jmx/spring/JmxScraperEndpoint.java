package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code /actuator/jmxscraper}: every target's series as one page, or with {@code ?target=NAME} one target's page as
 * jmx_exporter would serve it for that JVM (404 for an unknown target); Prometheus text 0.0.4 or OpenMetrics per
 * the {@code Accept} header.
 */
@WebEndpoint(id = "jmxscraper")
public final class JmxScraperEndpoint {

    private final JmxScraper scraper;

    /** Serving the pages of {@code scraper}. */
    public JmxScraperEndpoint(JmxScraper scraper) {
        this.scraper = Objects.requireNonNull(scraper, "scraper");
    }

    /**
     * Scrapes now.
     *
     * @param format the page format the actuator negotiated from the {@code Accept} header
     * @param target one target's name, or null for all of them
     */
    @ReadOperation(producesFrom = JmxScraperOutputFormat.class)
    public WebEndpointResponse<byte[]> scrape(JmxScraperOutputFormat format, @Nullable String target) {
        Optional<List<MetricFamily>> page =
                target == null ? Optional.of(scraper.scrape(null)) : scraper.probe(target, null);
        if (page.isEmpty()) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            format.format().write(body, page.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return new WebEndpointResponse<>(body.toByteArray(), format);
    }
}
