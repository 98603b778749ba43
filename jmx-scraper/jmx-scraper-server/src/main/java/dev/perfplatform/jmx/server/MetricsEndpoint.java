package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpExchange;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.internal.exposition.ExpositionFormat;
import dev.perfplatform.jmx.model.MetricFamily;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * {@code /metrics} (every target) and {@code /probe?target=NAME} (one target): the page in the negotiated format,
 * gzipped when accepted, streamed.
 */
final class MetricsEndpoint implements Exchanges.ReadOnlyEndpoint {

    static final String SCRAPE_TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";

    private final JmxScraper scraper;
    private final boolean probe;

    MetricsEndpoint(JmxScraper scraper, boolean probe) {
        this.scraper = scraper;
        this.probe = probe;
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        Duration timeout = scrapeTimeout(exchange.getRequestHeaders().getFirst(SCRAPE_TIMEOUT_HEADER));
        List<MetricFamily> page;
        if (probe) {
            String target = Exchanges.parameter(exchange, "target");
            if (target == null || target.isEmpty()) {
                Exchanges.send(exchange, 400, Exchanges.TEXT, "missing query parameter: target\n");
                return;
            }
            Optional<List<MetricFamily>> probed = scraper.probe(target, timeout);
            if (probed.isEmpty()) {
                Exchanges.send(exchange, 404, Exchanges.TEXT, "no such target: " + target + "\n");
                return;
            }
            page = probed.get();
        } else {
            page = scraper.scrape(timeout);
        }
        write(exchange, page);
    }

    private static void write(HttpExchange exchange, List<MetricFamily> page) throws IOException {
        ExpositionFormat format =
                ExpositionFormat.negotiate(exchange.getRequestHeaders().getFirst("Accept"));
        exchange.getResponseHeaders().set("Content-Type", format.contentType());
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        boolean gzip = ExpositionFormat.acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body =
                gzip ? new GZIPOutputStream(exchange.getResponseBody(), 8192) : exchange.getResponseBody()) {
            format.write(body, page);
        }
    }

    /** Prometheus's scrape timeout in seconds, or null when absent or not a positive number. */
    static @Nullable Duration scrapeTimeout(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            if (!(seconds > 0) || Double.isInfinite(seconds)) {
                return null;
            }
            return Duration.ofNanos((long) (seconds * 1e9));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
