package dev.perfplatform.jmx.server;

import static dev.perfplatform.jmx.FakeSource.attribute;

import dev.perfplatform.jmx.FakeMapper;
import dev.perfplatform.jmx.FakeSource;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real server on a free loopback port over two in-test targets ({@code a} with {@code env=prod}, and {@code b}). */
final class ServerFixture implements AutoCloseable {

    final JmxScraper scraper;
    final JmxScraperServer server;
    final HttpClient client;
    final String base;

    ServerFixture(ServerSettings settings, HttpClient client) throws IOException {
        ScraperConfig config = new ScraperConfig(
                List.of(
                        new TargetConfig(
                                "a",
                                URI.create("http://127.0.0.1:1/jolokia"),
                                null,
                                null,
                                Duration.ofSeconds(5),
                                Map.of("env", "prod")),
                        TargetConfig.of("b", URI.create("http://127.0.0.1:2/jolokia"))),
                RulesConfig.defaults());
        this.scraper = JmxScraper.builder()
                .config(config)
                .sources((target, rules) -> FakeSource.serving(
                        attribute("Memory", "used", target.name().equals("a") ? 5 : 6)))
                .mappers(rules -> new FakeMapper())
                .build();
        this.server = JmxScraperServer.start(scraper, settings);
        this.client = client;
        this.base = (settings.tlsKeystore() == null ? "http" : "https") + "://127.0.0.1:" + server.port();
    }

    static ServerFixture plain() throws IOException {
        return new ServerFixture(
                ServerSettings.of("127.0.0.1", 0),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        scraper.close();
    }
}
