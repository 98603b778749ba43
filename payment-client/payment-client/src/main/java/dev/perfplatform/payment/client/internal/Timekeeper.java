package dev.perfplatform.payment.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;

/** The client's view of time: monotonic and wall clocks, blocking and non-blocking waits, and jitter. */
public interface Timekeeper {

    /** Monotonic nanoseconds, for deadlines. */
    long nanoTime();

    /** Wall-clock time, for {@code Retry-After} dates. */
    Instant now();

    /** Blocks the calling thread (synchronous calls). */
    void sleep(Duration duration) throws InterruptedException;

    /** Runs {@code task} after {@code delay} without holding a thread meanwhile (asynchronous calls). */
    Future<?> schedule(Duration delay, Runnable task);

    /** A random number in {@code [0, 1)}. */
    double jitter();
}
