package dev.perfplatform.jmx.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.server.JmxScraperServer;
import dev.perfplatform.jmx.testing.FakeJolokia;
import dev.perfplatform.jmx.testing.PrometheusText;
import dev.perfplatform.jmx.testing.ServerJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The standalone server at {@code -Xmx32m}: 1,000 scrapes of ten targets with 1,000 attributes each, next to
 * hostile agents (truncated JSON, an HTML 500, error objects, and later a 50 MB body), every page a 200 with the
 * hostile targets {@code up 0} and the rest whole, and no OutOfMemoryError.
 */
class MemoryBoundIntegrationTests {

    private static final int GOOD_TARGETS = 10;
    private static final int ATTRIBUTES = 1_000;
    private static final int SCRAPES = 1_000;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesEveryScrapeAtThirtyTwoMegabytesOfHeapNextToHostileAgents() throws Exception {
        Map<String, FakeJolokia> agents = new LinkedHashMap<>();
        Path config = Files.createTempFile("jmx-scraper", ".yml");
        try {
            for (int i = 0; i < GOOD_TARGETS; i++) {
                agents.put("t" + i, SyntheticAgents.wellBehaved(ATTRIBUTES));
            }
            agents.put("truncated", SyntheticAgents.truncated());
            agents.put("html", SyntheticAgents.htmlError());
            agents.put("errors", SyntheticAgents.errorObjects());
            Files.writeString(config, targets(agents));
            try (ServerJvm server =
                    ServerJvm.start(JmxScraperServer.class.getName(), config, "-Xmx32m", "-XX:+UseSerialGC")) {
                for (int scrape = 1; scrape <= SCRAPES; scrape++) {
                    String page = metrics(server);
                    if (scrape == 1 || scrape == SCRAPES) {
                        assertWhole(page, List.of("truncated", "html", "errors"));
                    } else {
                        assertThat(page).contains("jmx_scraper_target_up{target=\"t9\"} 1.0");
                    }
                }

                agents.put("huge", SyntheticAgents.fiftyMegabytes());
                Files.writeString(config, targets(agents)); // picked up without a restart
                for (int scrape = 1; scrape <= 20; scrape++) {
                    String page = metrics(server);
                    if (page.contains("target=\"huge\"")) {
                        assertWhole(page, List.of("truncated", "html", "errors", "huge"));
                    }
                }
                assertWhole(metrics(server), List.of("truncated", "html", "errors", "huge"));

                assertThat(server.isAlive()).isTrue();
                assertThat(server.output()).doesNotContain("OutOfMemoryError");
            }
        } finally {
            agents.values().forEach(FakeJolokia::close);
            Files.deleteIfExists(config);
        }
    }

    /** Every well-behaved target up with all its series, every hostile one down, a well-formed page. */
    private static void assertWhole(String page, List<String> hostile) {
        PrometheusText.Page parsed = PrometheusText.parse(page);
        assertThat(parsed.problems()).isEmpty();
        Map<String, PrometheusText.Series> series = parsed.byId();
        for (int i = 0; i < GOOD_TARGETS; i++) {
            assertThat(series.get("jmx_scraper_target_up{target=\"t" + i + "\",}")
                            .value())
                    .isEqualTo(1.0);
            assertThat(series.get("jmx_scraper_series{target=\"t" + i + "\",}").value())
                    .isEqualTo(ATTRIBUTES);
        }
        for (String name : hostile) {
            assertThat(series.get("jmx_scraper_target_up{target=\"" + name + "\",}")
                            .value())
                    .as(name)
                    .isEqualTo(0.0);
        }
        assertThat(parsed.series()).hasSizeGreaterThan(GOOD_TARGETS * ATTRIBUTES);
    }

    private static String metrics(ServerJvm server) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(server.url("/metrics"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of /metrics").isEqualTo(200);
        return response.body();
    }

    private static String targets(Map<String, FakeJolokia> agents) {
        List<String> lines = new ArrayList<>(List.of("targets:"));
        agents.forEach((name, agent) -> {
            URI url = agent.url();
            lines.add("  - name: " + name);
            lines.add("    url: " + url);
            lines.add("    deadline: 5s");
        });
        return String.join("\n", lines) + "\n";
    }
}
