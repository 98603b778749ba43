package dev.perfplatform.ratelimit.memory;

import dev.perfplatform.ratelimit.Algorithm;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.internal.LimitMath;
import dev.perfplatform.ratelimit.internal.SlidingLog;
import dev.perfplatform.ratelimit.internal.Step;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one key under one policy: three words per limit, updated in place under a stamp (a sequence lock),
 * plus a log per sliding-window-log limit, which is guarded by this entry's monitor. The first limit's words are fields
 * of the entry itself, beside the stamp: most policies have one limit, and then a decision reads one object and an
 * admission writes one cache line (an array would cost another pointer chase and, under contention, another line).
 *
 * <p>The stamp is even while the words are stable and odd while one writer stores new ones. A decision reads the
 * stamp, evaluates the words, and checks that the stamp did not move, so denials never write; an admission moves
 * the stamp from the value it read to odd by compare-and-set (losing to a concurrent admission means evaluating
 * again), stores the words and publishes the next even stamp. Nothing is allocated per decision. An evicted entry's
 * stamp is {@link #DEAD}; whoever sees it looks the key up again.
 */
final class KeyEntry {

    /** The stamp of an evicted entry. */
    static final long DEAD = -1;

    private static final int SPINS_BEFORE_YIELD = 100;
    private static final int MAX_BACK_OFF_SPINS = 64;
    private static final long[] NO_MORE_WORDS = {}; // a one-limit policy's: shared, never written
    private static final VarHandle STAMP;
    private static final VarHandle LAST_ACCESS;

    static {
        try {
            STAMP = MethodHandles.lookup().findVarHandle(KeyEntry.class, "stamp", long.class);
            LAST_ACCESS = MethodHandles.lookup().findVarHandle(KeyEntry.class, "lastAccess", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through STAMP
    private volatile long stamp;

    // The first limit's words; further limits' words, three each, in moreWords. Plain fields: read under the stamp.
    private long w0;
    private long w1;
    private long w2;
    private final long[] moreWords;
    private final SlidingLog @Nullable [] logs;

    @SuppressWarnings("unused") // accessed through LAST_ACCESS
    private long lastAccess;

    /** How finely uses are timed for eviction. */
    static final long TOUCH_GRANULARITY_MICROS = 1_000;

    KeyEntry(RateLimitPolicy policy, long nowMicros) {
        List<Limit> limits = policy.limits();
        long[] more = limits.size() == 1 ? NO_MORE_WORDS : new long[(limits.size() - 1) * 3];
        SlidingLog[] logArray = null;
        w0 = LimitMath.ABSENT;
        for (int at = 0; at < more.length; at += 3) {
            more[at] = LimitMath.ABSENT;
        }
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).algorithm() == Algorithm.SLIDING_WINDOW_LOG) {
                if (logArray == null) {
                    logArray = new SlidingLog[limits.size()];
                }
                logArray[i] = new SlidingLog();
            }
        }
        this.moreWords = more;
        this.logs = logArray;
        this.lastAccess = nowMicros;
    }

    /**
     * Records a use at {@code nowMicros} for eviction, to {@value #TOUCH_GRANULARITY_MICROS} µs: a hot key's entry is
     * written at most once per that time, so threads deciding on one key share its cache line instead of taking it
     * exclusively on every decision. Opaque accesses: no fence on the decision path, and eviction only ranks keys, so
     * a slightly older time is harmless.
     */
    void touch(long nowMicros) {
        if (nowMicros - (long) LAST_ACCESS.getOpaque(this) >= TOUCH_GRANULARITY_MICROS) {
            LAST_ACCESS.setOpaque(this, nowMicros);
        }
    }

    /** The time of the last recorded use. */
    long lastAccessMicros() {
        return (long) LAST_ACCESS.getOpaque(this);
    }

    /** An even stamp to read the words under, waiting out a writer; or {@link #DEAD}. */
    @SuppressWarnings("ThreadPriorityCheck") // yields only to a writer descheduled mid-write, after spinning
    long readStamp() {
        int spins = 0;
        while (true) {
            long current = (long) STAMP.getAcquire(this);
            if ((current & 1) == 0 || current == DEAD) {
                return current;
            }
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the writer was descheduled between its two stores
            }
        }
    }

    /**
     * Waits before evaluating again after losing a race to another admission on this key: 2<sup>n</sup> spin hints
     * after the n-th lost race, at most {@value #MAX_BACK_OFF_SPINS}. Retrying at once would pull the entry's cache
     * line from the winner while it stores its words, and again for its next decision, so two threads on one key
     * would spend their time moving the line between cores; waiting a little lets the winner finish in its own cache.
     * Spins only: a loser never parks, so a contended decision stays well under a microsecond late.
     */
    static void backOff(int lostRaces) {
        int spins = Math.min(1 << Math.min(lostRaces, 30), MAX_BACK_OFF_SPINS);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }

    /** Whether the words read since {@link #readStamp()} returned {@code expected} were one consistent state. */
    boolean validate(long expected) {
        VarHandle.acquireFence();
        return (long) STAMP.getVolatile(this) == expected;
    }

    /**
     * Stores the new words of the first {@code count} steps, if nobody wrote since {@code expected} was read; false
     * when somebody did (evaluate again) or the entry died.
     */
    boolean write(long expected, Step[] steps, int count) {
        if (!STAMP.compareAndSet(this, expected, expected + 1)) {
            return false;
        }
        Step first = steps[0];
        w0 = first.s0;
        w1 = first.s1;
        w2 = first.s2;
        for (int i = 1; i < count; i++) {
            int at = (i - 1) * 3;
            moreWords[at] = steps[i].s0;
            moreWords[at + 1] = steps[i].s1;
            moreWords[at + 2] = steps[i].s2;
        }
        STAMP.setRelease(this, expected + 2);
        return true;
    }

    /** Whether the entry was evicted (its stamp is {@link #DEAD}). */
    boolean isDead() {
        return (long) STAMP.getVolatile(this) == DEAD;
    }

    /** Whether some limit keeps a log, so the entry must be used under its monitor. */
    boolean hasLogs() {
        return logs != null;
    }

    @Nullable
    SlidingLog log(int index) {
        return logs == null ? null : logs[index];
    }

    /**
     * Evaluates every limit at {@code now} for {@code permits} on the words as they are; the caller validates the
     * stamp, or holds the monitor when {@link #hasLogs()}.
     */
    void evaluate(List<Limit> limits, long now, long permits, Step[] steps) {
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            SlidingLog log = log(i);
            if (log != null) {
                log.evaluate(limit, now, permits, steps[i]);
            } else {
                step(i, limit, now, permits, steps[i]);
            }
        }
    }

    /**
     * Marks the entry dead: always when {@code force}, else only if every limit is back to the state of an unknown
     * key (so dropping it changes no decision) and no decision updates it meanwhile. The caller holds the monitor
     * when {@link #hasLogs()}. True when this call killed it.
     */
    boolean kill(boolean force, List<Limit> limits, long now, Step scratch) {
        while (true) {
            long current = readStamp();
            if (current == DEAD) {
                return false;
            }
            if (!force && !isFresh(limits, now, scratch, current)) {
                return false;
            }
            if (STAMP.compareAndSet(this, current, DEAD)) {
                return true;
            }
            if (!force) {
                return false; // updated under us: in use
            }
        }
    }

    private void step(int index, Limit limit, long now, long permits, Step out) {
        if (index == 0) {
            LimitMath.step(limit, w0, w1, w2, now, permits, out);
        } else {
            int at = (index - 1) * 3;
            LimitMath.step(limit, moreWords[at], moreWords[at + 1], moreWords[at + 2], now, permits, out);
        }
    }

    private boolean isFresh(List<Limit> limits, long now, Step scratch, long expected) {
        for (int i = 0; i < limits.size(); i++) {
            SlidingLog log = log(i);
            if (log != null) {
                if (!log.isFresh(limits.get(i), now)) {
                    return false;
                }
            } else {
                step(i, limits.get(i), now, 0, scratch);
                if (!scratch.fresh) {
                    return false;
                }
            }
        }
        return validate(expected);
    }
}
