package dev.perfplatform.jmx.testing;

import dev.perfplatform.testing.internal.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone server (jmx-scraper-server's {@code JmxScraperServer} main) in a child JVM with the given JVM options
 * and configuration file, from the test class path or the executable jar, ready once {@code /health} answers.
 */
public final class ServerJvm implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private ServerJvm(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The server whose main class is on the test class path (the server module's own tests). */
    public static ServerJvm start(String mainClass, Path config, String... jvmOptions) throws IOException {
        return start(List.of("-cp", System.getProperty("java.class.path"), mainClass), config, List.of(jvmOptions));
    }

    /**
     * The server started by {@code launch}, the java arguments after the JVM options (for example {@code -jar} and
     * the standalone jar), on a free loopback port.
     */
    public static ServerJvm start(List<String> launch, Path config, List<String> jvmOptions) throws IOException {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(TestJars.java().toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(List.of("--config", config.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
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
