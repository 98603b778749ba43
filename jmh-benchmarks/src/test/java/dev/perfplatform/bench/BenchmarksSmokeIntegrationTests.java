package dev.perfplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark method once, in this JVM, with one short iteration and one set of parameters, to prove it
 * works (the Redis ones start their own redis-server). It says nothing about speed.
 */
class BenchmarksSmokeIntegrationTests {

    @Test
    void everyBenchmarkRunsOnce() throws RunnerException, java.io.IOException {
        Path extra = Files.createTempFile("bench-extra", ".jsonl");
        System.setProperty("perfplatform.bench.extra", extra.toString());
        Options options = new OptionsBuilder()
                .include("dev\\.perfplatform\\.bench\\..*")
                .forks(0)
                .threads(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .param("load", "denied")
                .param("keys", "hot")
                .param("inFlight", "8")
                .param("maxKeys", "10000")
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        List<String> ran = results.stream()
                .map(result -> result.getParams().getBenchmark())
                .sorted()
                .toList();
        assertThat(ran).containsExactlyElementsOf(BenchmarkClasses.benchmarkNames());
        assertThat(results)
                .allSatisfy(result ->
                        assertThat(result.getPrimaryResult().getScore()).isPositive());
        List<String> redisLines = Files.readAllLines(extra);
        assertThat(redisLines)
                .as("one line of latencies and command counts per Redis benchmark")
                .hasSize(6)
                .allSatisfy(line -> assertThat(line).contains("\"p99_us\":").contains("\"failed\":0"));
    }
}
