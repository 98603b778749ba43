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
 * The state of one key under one policy: three words per limit, replaced as a whole by compare-and-set (lock-free),
 * plus a log per sliding-window-log limit, which is guarded by this entry's monitor. An evicted entry holds {@link
 * #DEAD}; whoever sees it looks the key up again.
 */
final class KeyEntry {

    static final long[] DEAD = new long[0];

    private static final VarHandle WORDS;

    static {
        try {
            WORDS = MethodHandles.lookup().findVarHandle(KeyEntry.class, "words", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through WORDS
    private volatile long[] words;

    private final SlidingLog @Nullable [] logs;
    volatile long lastAccessMicros;

    KeyEntry(RateLimitPolicy policy, long nowMicros) {
        List<Limit> limits = policy.limits();
        long[] initial = new long[limits.size() * 3];
        SlidingLog[] logArray = null;
        for (int i = 0; i < limits.size(); i++) {
            initial[i * 3] = LimitMath.ABSENT;
            if (limits.get(i).algorithm() == Algorithm.SLIDING_WINDOW_LOG) {
                if (logArray == null) {
                    logArray = new SlidingLog[limits.size()];
                }
                logArray[i] = new SlidingLog();
            }
        }
        this.words = initial;
        this.logs = logArray;
        this.lastAccessMicros = nowMicros;
    }

    long[] words() {
        return (long[]) WORDS.getVolatile(this);
    }

    boolean replace(long[] expected, long[] next) {
        return WORDS.compareAndSet(this, expected, next);
    }

    /** Whether some limit keeps a log, so the entry must be used under its monitor. */
    boolean hasLogs() {
        return logs != null;
    }

    @Nullable
    SlidingLog log(int index) {
        return logs == null ? null : logs[index];
    }

    /** Evaluates every limit at {@code now} for {@code permits}; caller holds the monitor when {@link #hasLogs()}. */
    static void evaluate(
            List<Limit> limits, long[] words, @Nullable KeyEntry entry, long now, long permits, Step[] steps) {
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            SlidingLog log = entry == null ? null : entry.log(i);
            if (log != null) {
                log.evaluate(limit, now, permits, steps[i]);
            } else {
                LimitMath.step(limit, words[i * 3], words[i * 3 + 1], words[i * 3 + 2], now, permits, steps[i]);
            }
        }
    }

    /** Whether every limit is back to the state of an unknown key, so dropping the entry changes no decision. */
    boolean isFresh(List<Limit> limits, long now, Step scratch) {
        long[] current = words();
        if (current == DEAD) {
            return true;
        }
        for (int i = 0; i < limits.size(); i++) {
            SlidingLog log = log(i);
            if (log != null) {
                if (!log.isFresh(limits.get(i), now)) {
                    return false;
                }
            } else {
                Limit limit = limits.get(i);
                LimitMath.step(limit, current[i * 3], current[i * 3 + 1], current[i * 3 + 2], now, 0, scratch);
                if (!scratch.fresh) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Marks the entry dead if it still holds {@code expected}; a racing update wins and keeps it alive. */
    boolean kill(long[] expected) {
        return replace(expected, DEAD);
    }
}
