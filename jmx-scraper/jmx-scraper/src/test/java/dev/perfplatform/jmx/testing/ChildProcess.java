package dev.perfplatform.jmx.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A child process whose output goes to a log file, started, polled until an HTTP URL answers 200, and killed. */
final class ChildProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} and waits until {@code readyUrl} answers a GET with 200. */
    static ChildProcess start(List<String> command, URI readyUrl, String name) throws IOException {
        return start(command, readyUrl, name, "");
    }

    /** Starts {@code command} and waits until its output has the line {@code readyLine} and {@code readyUrl} answers. */
    static ChildProcess start(List<String> command, URI readyUrl, String name, String readyLine) throws IOException {
        Path log = Files.createTempFile(name, ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildProcess child = new ChildProcess(process, log);
        try {
            child.awaitReady(readyUrl, readyLine);
        } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    private void awaitReady(URI url, String readyLine) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("child exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (!readyLine.isEmpty() && !Files.readAllLines(log).contains(readyLine)) {
                pause(url);
                continue;
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + url, e);
            }
            pause(url);
        }
        throw new IOException(url + " did not answer within " + START_TIMEOUT + ": " + Files.readString(log));
    }

    private static void pause(URI url) throws IOException {
        try {
            Thread.sleep(100); // polling a real process's start, not making time pass
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + url, e);
        }
    }

    /** The process id. */
    long pid() {
        return process.pid();
    }

    /** Whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** What the process printed so far (standard output and error). */
    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind
        }
    }
}
