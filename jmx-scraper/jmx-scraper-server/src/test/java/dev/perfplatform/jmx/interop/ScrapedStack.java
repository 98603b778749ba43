package dev.perfplatform.jmx.interop;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.ConfigLoader;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.server.JmxScraperServer;
import dev.perfplatform.jmx.server.ServerSettings;
import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A real JVM read as two targets ({@code a} and {@code b}, so families merge across targets) plus one dead target
 * ({@code down}), with the compatibility suite's pattern rules, served by the standalone server.
 */
final class ScrapedStack implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TargetJvm target;
    private final JmxScraper scraper;
    private final JmxScraperServer server;

    private ScrapedStack(TargetJvm target, JmxScraper scraper, JmxScraperServer server) {
        this.target = target;
        this.scraper = scraper;
        this.server = server;
    }

    static ScrapedStack start() throws IOException {
        TargetJvm target = TargetJvm.builder().attributes(200).start();
        try {
            RulesConfig rules = ConfigLoader.parseRules("pattern-rules.yaml", resource("/compat/pattern-rules.yaml"))
                    .value();
            ScraperConfig config = new ScraperConfig(
                    List.of(
                            TargetConfig.of("a", target.jolokiaUrl()),
                            TargetConfig.of("b", target.jolokiaUrl()),
                            TargetConfig.of("down", URI.create("http://127.0.0.1:9/jolokia"))),
                    rules);
            JmxScraper scraper = JmxScraper.create(config);
            JmxScraperServer server = JmxScraperServer.start(
                    scraper, new ServerSettings(ServerSettings.DEFAULT_HOST, 0, null, null, null, null));
            return new ScrapedStack(target, scraper, server);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    int port() {
        return server.port();
    }

    /** A page of the server, asked for with {@code accept} (or no Accept header). */
    String get(String path, @Nullable String accept) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30));
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(ScrapedStack.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.close();
        scraper.close();
        target.close();
    }
}
