package dev.perfplatform.bench.redis;

import dev.perfplatform.ratelimit.Decision;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A bounded asynchronous window: one thread submits calls and blocks only while {@code size} calls are in flight.
 * Records each call's latency, from submission to completion, and counts completions, failures and degraded
 * decisions (a fail-open answer would otherwise pass for a fast one).
 */
final class Window {

    /** What the window calls: one asynchronous decision for {@code key}. */
    @FunctionalInterface
    interface Target {
        CompletionStage<?> call(String key);
    }

    private final int size;
    private final Semaphore slots;
    private final Recorder latency = new Recorder(3);
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder degraded = new LongAdder();

    Window(int size) {
        this.size = size;
        this.slots = new Semaphore(size);
    }

    /** Sends one call once a slot is free; returns without waiting for its answer. */
    void submit(Target target, String key) {
        slots.acquireUninterruptibly();
        long start = System.nanoTime();
        CompletionStage<?> call;
        try {
            call = target.call(key);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        call.whenComplete((result, error) -> {
            latency.recordValue(System.nanoTime() - start);
            if (error != null) {
                failed.increment();
            } else if (result instanceof Decision decision && decision.isDegraded()) {
                degraded.increment();
            }
            completed.increment();
            slots.release();
        });
    }

    /** Waits until no call is in flight. */
    void drain() {
        slots.acquireUninterruptibly(size);
        slots.release(size);
    }

    /** Latencies in nanoseconds recorded since the previous call. */
    Histogram takeLatencies() {
        return latency.getIntervalHistogram();
    }

    long completed() {
        return completed.sum();
    }

    long failed() {
        return failed.sum();
    }

    long degraded() {
        return degraded.sum();
    }
}
