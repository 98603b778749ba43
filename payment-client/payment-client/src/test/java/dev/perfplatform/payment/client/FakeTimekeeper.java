package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.Timekeeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Virtual time: sleeps and scheduled retries advance it instantly and are recorded; scheduled tasks may be held. */
final class FakeTimekeeper implements Timekeeper {

    static final Instant EPOCH = Instant.parse("2026-03-01T12:00:00Z");

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<Duration> scheduled = new CopyOnWriteArrayList<>();
    final BlockingQueue<FutureTask<?>> held = new LinkedBlockingQueue<>();
    private final AtomicLong nanos = new AtomicLong();
    private volatile boolean holdScheduled;
    private volatile double jitter = 0.5;

    /** Scheduled retries wait in {@link #held} instead of running. */
    FakeTimekeeper holdScheduled() {
        holdScheduled = true;
        return this;
    }

    FakeTimekeeper jitter(double jitter) {
        this.jitter = jitter;
        return this;
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public Instant now() {
        return EPOCH.plusNanos(nanos.get());
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        scheduled.add(delay);
        FutureTask<?> future = new FutureTask<>(task, null);
        if (holdScheduled) {
            held.add(future);
        } else {
            advance(delay);
            future.run();
        }
        return future;
    }

    @Override
    public double jitter() {
        return jitter;
    }
}
