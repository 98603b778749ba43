package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Decisions asked at a steady pace by a few threads, each over every target in turn, recorded as they end: which
 * target, whether degraded, when it ended and how long it took.
 */
final class SteadyLoad implements AutoCloseable {

    /** One key of one limiter, under a name the samples carry. */
    record Target(String group, RateLimiter limiter, String key) {}

    /** One decision: its target's group, whether it was degraded, when it ended and how long it took (nanos). */
    record Sample(String group, boolean degraded, long endedAtNanos, long tookNanos) {}

    private static final long PAUSE_MILLIS = 5;

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Future<?>> workers = new ArrayList<>();

    SteadyLoad(int threadCount, List<Target> targets) {
        this.threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(task, "steady-load");
            thread.setDaemon(true);
            return thread;
        });
        for (int t = 0; t < threadCount; t++) {
            int offset = t;
            workers.add(threads.submit(() -> {
                for (int i = offset; running.get(); i++) {
                    Target target = targets.get(i % targets.size());
                    long start = System.nanoTime();
                    Decision decision = target.limiter().acquire(target.key());
                    long end = System.nanoTime();
                    samples.add(new Sample(target.group(), decision.isDegraded(), end, end - start));
                    Thread.sleep(PAUSE_MILLIS);
                }
                return null;
            }));
        }
    }

    /** The samples so far that match {@code filter}, in no particular order. */
    List<Sample> samples(Predicate<Sample> filter) {
        return samples.stream().filter(filter).toList();
    }

    /** Stops the threads and waits for them, rethrowing what a decision threw. */
    @Override
    public void close() throws Exception {
        running.set(false);
        try {
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
