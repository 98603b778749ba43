package dev.perfplatform.jmx.testing;

import dev.perfplatform.jmx.server.JmxScraperServer;
import dev.perfplatform.testing.internal.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone server ({@link JmxScraperServer}'s main) in a child JVM with the given JVM options, started on the
 * test class path with a configuration file, ready once {@code /health} answers.
 */
public final class ServerJvm implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private ServerJvm(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServerJvm start(Path config, String... jvmOptions) throws IOException {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(TestJars.java().toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JmxScraperServer.class.getName()));
        command.addAll(List.of("--config", config.toString(), "--port", String.valueOf(port)));
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        return new ServerJvm(ChildProcess.start(command, health, "jmx-scraper-server"), port);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the server printed so far. */
    public String output() throws IOException {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
