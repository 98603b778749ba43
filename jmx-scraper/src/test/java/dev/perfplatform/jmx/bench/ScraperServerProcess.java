package dev.perfplatform.jmx.bench;

import dev.perfplatform.testing.internal.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our standalone server ({@code JmxScraperServer}) in its own JVM with the given flags and configuration file,
 * scraped at {@code /metrics} exactly as {@code JmxExporterOracle} scrapes jmx_exporter (same client settings,
 * same {@code Accept}, body read as a string).
 */
final class ScraperServerProcess implements Contender {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private final Process process;
    private final URI metrics;
    private final Path dir;

    private ScraperServerProcess(Process process, URI metrics, Path dir) {
        this.process = process;
        this.metrics = metrics;
        this.dir = dir;
    }

    /** Starts the server on a free loopback port with {@code configYaml} and waits until it answers. */
    static ScraperServerProcess start(ServerLaunch launch, List<String> jvmFlags, String configYaml)
            throws IOException {
        Path dir = Files.createTempDirectory("jmx-bench-server");
        Path config = dir.resolve("jmx-scraper.yml");
        Files.writeString(config, configYaml);
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(launch.arguments());
        command.addAll(List.of("--config", config.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        ScraperServerProcess server =
                new ScraperServerProcess(process, URI.create("http://127.0.0.1:" + port + "/metrics"), dir);
        try {
            server.awaitListening(URI.create("http://127.0.0.1:" + port + "/health"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Override
    public String name() {
        return "jmx-scraper";
    }

    @Override
    public String scrape() throws IOException {
        return Pages.get(HTTP, metrics, "jmx-scraper");
    }

    @Override
    public List<Long> pids() {
        return List.of(process.pid());
    }

    /** The server's own log, for a failure message. */
    String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening(URI health) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("jmx-scraper exited with " + process.exitValue() + ": " + log());
            }
            try {
                HTTP.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                return; // listening: any status will do, /health judges the targets
            } catch (IOException e) {
                Pages.pause(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for jmx-scraper", e);
            }
        }
        throw new IOException("jmx-scraper did not listen within " + START_TIMEOUT + ": " + log());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(dir.resolve("jmx-scraper.yml"));
            Files.deleteIfExists(dir.resolve("server.log"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp file left behind
        }
    }
}
