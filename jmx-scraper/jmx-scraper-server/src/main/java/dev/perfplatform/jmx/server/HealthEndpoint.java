package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.HttpExchange;
import dev.perfplatform.jmx.JmxScraper;
import java.io.IOException;

/** {@code /health}: 200 {@code ok} while a configuration is loaded, else 503 with the reason. */
final class HealthEndpoint implements Exchanges.ReadOnlyEndpoint {

    private final JmxScraper scraper;

    HealthEndpoint(JmxScraper scraper) {
        this.scraper = scraper;
    }

    @Override
    public void get(HttpExchange exchange) throws IOException {
        try {
            scraper.targetNames();
        } catch (RuntimeException e) {
            Exchanges.send(exchange, 503, Exchanges.TEXT, "no configuration: " + e.getMessage() + "\n");
            return;
        }
        Exchanges.send(exchange, 200, Exchanges.TEXT, "ok\n");
    }
}
