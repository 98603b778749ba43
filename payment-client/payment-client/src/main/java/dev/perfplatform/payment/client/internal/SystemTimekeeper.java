package dev.perfplatform.payment.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The real clocks; one daemon thread fires the asynchronous retries (it only enqueues the next attempt). */
public final class SystemTimekeeper implements Timekeeper, AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;

    /** A timekeeper with its own scheduler thread. */
    public SystemTimekeeper() {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "fluxpay-client-retry");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public double jitter() {
        return ThreadLocalRandom.current().nextDouble();
    }

    /**
     * Stops the scheduler and runs the retries that were waiting, now, so that their calls end (they see the
     * client closed) instead of never completing.
     */
    @Override
    public void close() {
        List<Runnable> waiting = scheduler.shutdownNow();
        waiting.forEach(Runnable::run);
    }
}
