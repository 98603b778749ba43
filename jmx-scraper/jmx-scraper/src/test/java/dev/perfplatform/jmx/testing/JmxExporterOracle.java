package dev.perfplatform.jmx.testing;

import dev.perfplatform.testing.internal.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * jmx_exporter 1.0.1's standalone server ({@code jmx_prometheus_httpserver}) as a child process, reading a
 * {@link TargetJvm} over RMI with a given rules file: the compatibility oracle. {@link #close()} kills it.
 *
 * <pre>{@code
 * try (JmxExporterOracle oracle = JmxExporterOracle.start(jvm, "rules:\n- pattern: '.*'\n")) {
 *     String page = oracle.scrape();
 * }
 * }</pre>
 */
public final class JmxExporterOracle implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private final ChildProcess process;
    private final URI metrics;
    private final Path config;

    private JmxExporterOracle(ChildProcess process, URI metrics, Path config) {
        this.process = process;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * Starts jmx_exporter against {@code target} with {@code rulesYaml} (a jmx_exporter rules file without
     * {@code hostPort}, which this adds) and waits until it serves {@code /metrics}.
     */
    public static JmxExporterOracle start(TargetJvm target, String rulesYaml, String... jvmOptions) throws IOException {
        Path config = Files.createTempFile("jmx-exporter", ".yaml");
        Files.writeString(config, "hostPort: 127.0.0.1:" + target.rmiPort() + "\n" + rulesYaml);
        int port = FreePorts.next();
        List<String> command = new java.util.ArrayList<>();
        command.add(TestJars.java().toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", TestJars.jmxExporter().toString(), "127.0.0.1:" + port, config.toString()));
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        try {
            return new JmxExporterOracle(ChildProcess.start(command, metrics, "jmx-exporter"), metrics, config);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(config);
            throw e;
        }
    }

    /** The {@code /metrics} page in Prometheus text 0.0.4. */
    public String scrape() throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(metrics)
                            .header("Accept", "text/plain; version=0.0.4")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("jmx_exporter answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while scraping jmx_exporter", e);
        }
    }

    /** The exporter's process id (for RSS measurements). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
        try {
            Files.deleteIfExists(config);
        } catch (IOException e) {
            // a temp file left behind
        }
    }
}
