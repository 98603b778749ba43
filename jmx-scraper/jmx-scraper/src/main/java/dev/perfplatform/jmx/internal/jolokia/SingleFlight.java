package dev.perfplatform.jmx.internal.jolokia;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs at most one call at a time: a caller that arrives while a call is in flight waits for that call's result
 * (up to its own deadline) instead of starting another.
 *
 * @param <T> the call's result
 */
final class SingleFlight<T> {

    /** The shared call. */
    interface Call<T> {
        T run() throws IOException;
    }

    private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();

    /** Runs {@code call} in this thread, or waits for the one already in flight. */
    T run(long deadlineNanos, Call<T> call) throws IOException {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> current = inFlight.compareAndExchange(null, mine);
        if (current != null) {
            return await(current, deadlineNanos);
        }
        try {
            T result = call.run();
            mine.complete(result);
            return result;
        } catch (Throwable t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            inFlight.set(null);
        }
    }

    private T await(CompletableFuture<T> current, long deadlineNanos) throws IOException {
        try {
            return current.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("the shared in-flight read did not finish within the deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the shared in-flight read");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("the shared in-flight read failed: " + cause, cause);
        }
    }
}
