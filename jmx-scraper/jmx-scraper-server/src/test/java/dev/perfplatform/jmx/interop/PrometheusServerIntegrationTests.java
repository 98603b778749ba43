package dev.perfplatform.jmx.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.testing.ExternalPrograms;
import dev.perfplatform.testing.internal.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus server scrapes the standalone server. Prometheus 2.x asks for OpenMetrics first and fails a
 * scrape whose page it cannot parse, so {@code up == 1} proves the OpenMetrics page parses, and
 * {@code scrape_samples_scraped} equal to the page's sample count proves nothing was lost or added. Needs Debian's
 * {@code prometheus} on the PATH (README's Requirements).
 */
class PrometheusServerIntegrationTests {

    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusScrapesTheOpenMetricsPageWhole() throws Exception {
        Path dir = Files.createTempDirectory("prometheus");
        try (ScrapedStack stack = ScrapedStack.start()) {
            int port = FreePorts.next();
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 2s
                      scrape_timeout: 2s
                    scrape_configs:
                      - job_name: jmx
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                    """.formatted(stack.port()));
            Process prometheus = startPrometheus(dir, port);
            try {
                URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
                // The first scrapes of a cold JVM on a busy machine may overrun the timeout; wait for a good one.
                String up = awaitValue(api, "max_over_time(up{job=\"jmx\"}[1m]) == 1");
                String scraped = awaitValue(api, "scrape_samples_scraped{job=\"jmx\"} and on() up{job=\"jmx\"} == 1");
                String page = stack.get("/metrics", "application/openmetrics-text; version=1.0.0");

                assertThat(page).endsWith("# EOF\n");
                assertThat(up)
                        .as("up; Prometheus's view of the target: %s", targets(port))
                        .isEqualTo("1");
                assertThat(Integer.parseInt(scraped)).isEqualTo(samples(page));
                assertThat(awaitValue(api, "jmx_scraper_target_up{target=\"down\"}"))
                        .isEqualTo("0");
                assertThat(awaitValue(api, "count(test_table_hits)")).isEqualTo("6"); // 3 rows, 2 targets
            } finally {
                prometheus.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Process startPrometheus(Path dir, int port) throws IOException {
        return new ProcessBuilder(
                        ExternalPrograms.require("prometheus", "prometheus").toString(),
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
    }

    /** The query's first value once Prometheus has one (it needs a scrape or two), within 60 s. */
    private static String awaitValue(URI api, String query) {
        URI uri = URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return await("a value for " + query)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .ignoreException(IOException.class) // not listening yet
                .until(() -> valueOf(uri), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> valueOf(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher value = VALUE.matcher(response.body());
        return response.statusCode() == 200 && value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }

    private static String targets(int port) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/targets"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int samples(String openMetricsPage) {
        return (int)
                openMetricsPage.lines().filter(line -> !line.startsWith("#")).count();
    }
}
