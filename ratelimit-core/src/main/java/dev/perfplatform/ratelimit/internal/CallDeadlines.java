package dev.perfplatform.ratelimit.internal;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Fails calls that outlive one fixed timeout, at a cost per call of one lock-free queue insert.
 *
 * <p>{@link CompletableFuture#orTimeout} schedules a task per call on a shared delay queue; with one call in flight
 * at a time each new task becomes the queue's head and wakes the timer thread, a context switch per decision that
 * costs more than the rest of the client side put together. Here every call has the same timeout, so deadlines
 * arrive in order: calls wait in a FIFO queue and one sweep per tick ({@code timeout / 10}, within 1 to 10 ms) fails
 * the expired ones and drops the finished ones. The tick is capped because a finished call stays reachable, with its
 * command and reply, until the next sweep: at 40,000 calls a second a 500 ms tick (a 5 s timeout) would keep about
 * 20,000 of them, where a 10 ms tick keeps about 400 at the price of 100 timer wake-ups a second while calls flow.
 * The sweep re-arms itself from the timer thread while calls are queued, so a busy engine never wakes it from a
 * caller; an idle one costs nothing. A call fails between its timeout and one tick later.
 */
public final class CallDeadlines {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ratelimit-call-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private record Pending(long deadline, CompletableFuture<?> call, Future<?> source) {}

    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final long timeoutNanos;
    private final long tickNanos;
    private final LongSupplier nanoTime;
    private final String message;

    /** Deadlines of {@code timeout} after each call's start, on the system's monotonic clock. */
    public CallDeadlines(Duration timeout) {
        this(timeout, System::nanoTime);
    }

    CallDeadlines(Duration timeout, LongSupplier nanoTime) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.tickNanos = Math.min(MAX_TICK_NANOS, Math.max(MIN_TICK_NANOS, timeoutNanos / 10));
        this.nanoTime = nanoTime;
        this.message = "no answer within " + timeout.toMillis() + " ms";
    }

    /**
     * Fails {@code call} with a {@link TimeoutException} unless it completes within the timeout, and then cancels
     * {@code source}, the operation it waits for (a command still queued is then never sent); returns {@code call}.
     */
    public <T> CompletableFuture<T> bound(CompletableFuture<T> call, Future<?> source) {
        pending.add(new Pending(nanoTime.getAsLong() + timeoutNanos, call, source));
        if (!armed.get() && armed.compareAndSet(false, true)) {
            scheduleSweep();
        }
        return call;
    }

    /** Fails the expired calls and drops the finished ones at the head; re-arms while any call is queued. */
    void sweep() {
        long now = nanoTime.getAsLong();
        Pending head;
        while ((head = pending.peek()) != null && (head.call().isDone() || head.deadline() - now <= 0)) {
            pending.poll();
            if (head.call().completeExceptionally(new TimeoutException(message))) {
                head.source().cancel(false);
            }
        }
        if (!pending.isEmpty()) {
            scheduleSweep();
            return;
        }
        armed.set(false);
        if (!pending.isEmpty() && armed.compareAndSet(false, true)) { // a call arrived while disarming
            scheduleSweep();
        }
    }

    /** Runs {@link #sweep()} one tick from now. */
    @SuppressWarnings("FutureReturnValueIgnored") // sweep() reports through the calls it fails, and re-arms itself
    private void scheduleSweep() {
        TIMER.schedule(this::sweep, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** Calls waiting for their deadline or the next sweep; for tests. */
    int queued() {
        return pending.size();
    }
}
