package dev.perfplatform.testing.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short external commands ({@code redis-cli}, {@code kill}, {@code docker}) with a time limit. */
public final class Commands {

    private Commands() {}

    /**
     * Runs {@code command}, returning its combined stdout and stderr; fails when it exits non-zero or outlives
     * {@code timeout} (it is then killed).
     */
    public static String run(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("command-", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (!exited) {
                throw new IllegalStateException(
                        String.join(" ", command) + " did not finish within " + timeout.toMillis() + " ms: " + text);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** Whether {@code command} runs and exits with 0 within {@code timeout}. */
    public static boolean succeeds(List<String> command, Duration timeout) {
        try {
            run(command, timeout);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
