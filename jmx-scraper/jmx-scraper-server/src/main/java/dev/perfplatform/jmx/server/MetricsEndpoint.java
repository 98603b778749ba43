package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpExchange;
import dev.perfplatform.jmx.ExpositionFormat;
import dev.perfplatform.jmx.JmxScraper;
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
        boolean gzip = acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
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

    /** Whether an {@code Accept-Encoding} header allows a gzip body (one of its codings is {@code gzip}, not q=0). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
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
}
