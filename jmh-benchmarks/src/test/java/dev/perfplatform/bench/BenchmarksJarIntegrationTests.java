package dev.perfplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar is what run.sh executes: it must start and list every benchmark. */
class BenchmarksJarIntegrationTests {

    @Test
    void benchmarksJarListsEveryBenchmark() throws IOException, InterruptedException {
        Path jar = Path.of("target", "benchmarks.jar");
        assertThat(jar).as("built by the shade plugin in the package phase").isRegularFile();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "-l")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        List<String> listed = output.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("dev."))
                .toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(BenchmarkClasses.benchmarkNames());
        assertThat(Files.size(jar)).isPositive();
    }
}
