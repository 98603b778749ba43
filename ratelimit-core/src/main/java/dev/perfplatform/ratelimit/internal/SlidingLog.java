package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Limit;
import java.util.Arrays;

/**
 * The in-memory state of a sliding window log: admitted requests as (time, permits), oldest first, in a growable
 * ring. Holds at most one entry per admitted request of the last window, so its size is bounded by the limit. Not
 * thread-safe: the owner holds a lock. The Redis script keeps the same log in a sorted set.
 */
public final class SlidingLog {

    private static final int INITIAL_CAPACITY = 8;

    private long[] times = new long[INITIAL_CAPACITY];
    private long[] permits = new long[INITIAL_CAPACITY];
    private int head;
    private int size;
    private long total;

    /** Evaluates a request for {@code requested} permits at {@code now} (microseconds); never mutates the log. */
    public void evaluate(Limit limit, long now, long requested, Step out) {
        long window = limit.periodTicks();
        int first = 0;
        long expired = 0;
        while (first < size && times[slot(first)] <= now - window) {
            expired += permits[slot(first)];
            first++;
        }
        long count = total - expired;
        long capacity = limit.capacity();
        long newest = first < size ? times[slot(size - 1)] : Long.MIN_VALUE;
        out.fresh = count == 0;
        if (count + requested <= capacity) {
            long reset = requested > 0 ? window : count > 0 ? newest + window - now : 0;
            out.allow(capacity - count - requested, reset);
        } else {
            long needed = count + requested - capacity;
            long freed = 0;
            int i = first;
            while (freed < needed) {
                freed += permits[slot(i)];
                i++;
            }
            long retry = times[slot(i - 1)] + window - now;
            out.deny(capacity - count, newest + window - now, retry);
        }
    }

    /** Drops entries that left the window ending at {@code now}. */
    public void prune(Limit limit, long now) {
        long window = limit.periodTicks();
        while (size > 0 && times[head] <= now - window) {
            total -= permits[head];
            head = (head + 1) % times.length;
            size--;
        }
    }

    /** Records an admitted request. */
    public void append(long now, long requested) {
        if (size == times.length) {
            grow();
        }
        int tail = slot(size);
        times[tail] = now;
        permits[tail] = requested;
        size++;
        total += requested;
    }

    /** Whether the log holds nothing inside the window ending at {@code now}. */
    public boolean isFresh(Limit limit, long now) {
        return size == 0 || times[slot(size - 1)] <= now - limit.periodTicks();
    }

    /** Forgets everything. */
    public void clear() {
        head = 0;
        size = 0;
        total = 0;
        if (times.length > INITIAL_CAPACITY * 64) {
            times = new long[INITIAL_CAPACITY];
            permits = new long[INITIAL_CAPACITY];
        }
    }

    private int slot(int index) {
        return (head + index) % times.length;
    }

    private void grow() {
        long[] newTimes = new long[times.length * 2];
        long[] newPermits = new long[times.length * 2];
        for (int i = 0; i < size; i++) {
            newTimes[i] = times[slot(i)];
            newPermits[i] = permits[slot(i)];
        }
        times = newTimes;
        permits = newPermits;
        head = 0;
    }

    @Override
    public String toString() {
        return "SlidingLog[size=" + size + ", total=" + total + ", times=" + Arrays.toString(times) + "]";
    }
}
