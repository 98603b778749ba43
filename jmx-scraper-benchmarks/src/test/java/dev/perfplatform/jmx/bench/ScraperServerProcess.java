package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.ServerJvm;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Our standalone server ({@code JmxScraperServer}) in its own JVM with the given flags and configuration file,
 * scraped at {@code /metrics} exactly as {@code JmxExporterOracle} scrapes jmx_exporter (same client settings,
 * same {@code Accept}, body read as a string).
 */
final class ScraperServerProcess implements Contender {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private final ServerJvm server;
    private final Path dir;

    private ScraperServerProcess(ServerJvm server, Path dir) {
        this.server = server;
        this.dir = dir;
    }

    /** Starts the server on a free loopback port with {@code configYaml} and waits until it answers. */
    static ScraperServerProcess start(ServerLaunch launch, List<String> jvmFlags, String configYaml)
            throws IOException {
        Path dir = Files.createTempDirectory("jmx-bench-server");
        Path config = dir.resolve("jmx-scraper.yml");
        Files.writeString(config, configYaml);
        try {
            return new ScraperServerProcess(ServerJvm.start(launch.arguments(), config, jvmFlags), dir);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    @Override
    public String name() {
        return "jmx-scraper";
    }

    @Override
    public String scrape() throws IOException {
        return Pages.get(HTTP, server.url("/metrics"), "jmx-scraper");
    }

    @Override
    public List<Long> pids() {
        return List.of(server.pid());
    }

    /** The server's own log, for a failure message. */
    String log() {
        try {
            return server.output();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        server.close();
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("jmx-scraper.yml"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp file left behind
        }
    }
}
