package dev.perfplatform.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.testing.internal.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher in a child JVM: real exit statuses, real signals, real sockets. */
class ServerMainIntegrationTests {

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void printsUsageAndExitsZeroOnHelp() throws Exception {
        Process process = launch("--help");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(stdout(process)).startsWith("Usage: java -jar jmx-scraper-standalone.jar --config <file>");
    }

    @Test
    void exitsTwoWithTheProblemOnStderrWhenTheCommandLineIsWrong() throws Exception {
        Process process = launch("--port", "9090");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr(process)).contains("--config <file> (or JMX_SCRAPER_CONFIG) is required");
    }

    @Test
    void exitsTwoWithTheProblemOnStderrWhenTheConfigurationIsInvalid() throws Exception {
        Path config = Files.writeString(dir.resolve("targets"), "good\nBAD name\n");
        Process process = launch("--config", config.toString(), "--port", "0");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr(process)).contains("line 2: invalid target name 'BAD name'");
    }

    @Test
    void exitsOneWhenThePortIsInUse() throws Exception {
        Path config = Files.writeString(dir.resolve("targets"), "a\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = launch("--config", config.toString(), "--port", String.valueOf(taken.getLocalPort()));

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(stderr(process)).contains("cannot start on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void servesReloadsTheConfigurationWithoutRestartAndStopsWithStatusZeroOnSigterm() throws Exception {
        Path config = Files.writeString(dir.resolve("targets"), "a\n");
        int port = FreePorts.next();
        Process process = launch("--config", config.toString(), "--port", String.valueOf(port));
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS))
                .isEqualTo("jmx-scraper listening on http://127.0.0.1:" + port + "/");
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readLine(out));

        assertThat(metrics(port))
                .contains("used{target=\"a\",type=\"Memory\"} 1.0\n")
                .doesNotContain("target=\"c\"");
        Files.writeString(config, "a\nc\n");
        assertThat(metrics(port))
                .contains("used{target=\"c\",type=\"Memory\"} 1.0\n")
                .contains("jmx_scraper_config_reloads_total{result=\"success\"} 1.0\n");

        process.toHandle().destroy(); // SIGTERM, leaving our end of its pipes open (Process.destroy closes them)
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(rest.get(60, TimeUnit.SECONDS)).isEqualTo("jmx-scraper stopped");
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                TestServerMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("JMX_SCRAPER_"));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static String metrics(int port) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            return line == null ? "<end of output>" : line;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String stdout(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
