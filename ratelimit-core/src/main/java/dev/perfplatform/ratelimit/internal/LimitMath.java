package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Limit;

/**
 * The state transitions of the counter-based algorithms (token bucket, GCRA, fixed window, sliding window counter),
 * over three state words and a time in ticks of the limit's resolution. Pure integer math, every intermediate value
 * below 2<sup>53</sup>, so {@code ratelimit.lua} mirrors it line by line and both engines decide identically.
 *
 * <p>A state whose first word is {@link #ABSENT} is an unknown key. Permits of 0 evaluate without consuming (peek).
 */
public final class LimitMath {

    /** First state word of a key that has no state. */
    public static final long ABSENT = Long.MIN_VALUE;

    private LimitMath() {}

    /** Evaluates {@code limit} for {@code permits} at {@code nowMicros}; writes the outcome into {@code out}. */
    public static void step(Limit limit, long s0, long s1, long s2, long nowMicros, long permits, Step out) {
        long resolution = limit.resolutionMicros();
        long now = resolution == 1 ? nowMicros : Math.floorDiv(nowMicros, resolution); // a division costs ~10 ns
        switch (limit.algorithm()) {
            case TOKEN_BUCKET -> tokenBucket(limit, s0, s1, now, permits, out);
            case GCRA -> gcra(limit, s0, s1, now, permits, out);
            case FIXED_WINDOW -> fixedWindow(limit, s0, s1, now, permits, out);
            case SLIDING_WINDOW_COUNTER -> slidingWindowCounter(limit, s0, s1, s2, now, permits, out);
            case SLIDING_WINDOW_LOG ->
                throw new IllegalArgumentException("the sliding window log keeps a log: use SlidingLog");
        }
    }

    /** State: s0 = tokens × period ticks, s1 = tick of the last update. */
    static void tokenBucket(Limit limit, long s0, long s1, long now, long permits, Step out) {
        long period = limit.periodTicks();
        long rate = limit.refillTokens();
        long full = limit.capacity() * period;
        long tokens = full;
        if (s0 != ABSENT) {
            tokens = s0;
            long elapsed = Math.max(0, now - s1);
            long missing = full - tokens;
            if (missing > 0) {
                // elapsed × rate ≥ missing, without a division and without overflow (the product can pass 2^63)
                long refill = elapsed * rate;
                boolean refilled = Math.multiplyHigh(elapsed, rate) != 0 || refill < 0 || refill >= missing;
                tokens = refilled ? full : tokens + refill;
            }
        }
        long cost = permits * period;
        out.fresh = tokens == full;
        if (tokens >= cost) {
            long left = tokens - cost;
            out.allow(quot(left, period), ceilDiv(full - left, rate));
            out.state(left, now, 0);
        } else {
            out.deny(quot(tokens, period), ceilDiv(full - tokens, rate), ceilDiv(cost - tokens, rate));
        }
    }

    /**
     * State: the theoretical arrival time, s0 whole ticks plus s1 / rate of a tick. Admits exactly what {@link
     * #tokenBucket} admits with capacity = burst.
     */
    static void gcra(Limit limit, long s0, long s1, long now, long permits, Step out) {
        long period = limit.periodTicks();
        long rate = limit.refillTokens();
        long tolerance = limit.capacity() * period; // burst × emission interval, scaled by rate
        long tatTicks = now;
        long tatFraction = 0;
        if (s0 != ABSENT && (s0 > now || (s0 == now && s1 > 0))) {
            tatTicks = s0;
            tatFraction = s1;
        }
        long debt = (tatTicks - now) * rate + tatFraction; // scaled by rate
        long increment = permits * period;
        long newTicks = tatTicks + quot(increment, rate);
        long newFraction = tatFraction + increment - quot(increment, rate) * rate;
        if (newFraction >= rate) {
            newTicks++;
            newFraction -= rate;
        }
        long newDebt = debt + increment;
        out.fresh = debt == 0;
        if (newDebt <= tolerance) {
            out.allow(quot(tolerance - newDebt, period), ceilDiv(newDebt, rate));
            out.state(newTicks, newFraction, 0);
        } else {
            out.deny(quot(tolerance - debt, period), ceilDiv(debt, rate), ceilDiv(newDebt - tolerance, rate));
        }
    }

    /** State: s0 = window index, s1 = permits counted in it. */
    static void fixedWindow(Limit limit, long s0, long s1, long now, long permits, Step out) {
        long window = limit.periodTicks();
        long index = floorDiv(now, window);
        long count = s0 == index ? s1 : 0;
        long untilNext = (index + 1) * window - now;
        out.fresh = count == 0;
        if (count + permits <= limit.capacity()) {
            long after = count + permits;
            out.allow(limit.capacity() - after, after == 0 ? 0 : untilNext);
            out.state(index, after, 0);
        } else {
            out.deny(limit.capacity() - count, untilNext, untilNext);
        }
    }

    /** State: s0 = current window index, s1 = count of the window before it, s2 = count of the current window. */
    static void slidingWindowCounter(Limit limit, long s0, long s1, long s2, long now, long permits, Step out) {
        long window = limit.periodTicks();
        long capacity = limit.capacity();
        long index = floorDiv(now, window);
        long elapsed = now - index * window;
        long previous = 0;
        long current = 0;
        if (s0 == index) {
            previous = s1;
            current = s2;
        } else if (s0 == index - 1) {
            previous = s2;
        }
        long overlap = window - elapsed; // ticks of the previous window still inside the sliding window
        long ceiling = capacity * window;
        long weighted = previous * overlap + current * window;
        out.fresh = previous == 0 && current == 0;
        if (weighted + permits * window <= ceiling) {
            long after = current + permits;
            long reset = after > 0 ? overlap + window : previous > 0 ? overlap : 0;
            out.allow(quot(ceiling - previous * overlap - after * window, window), reset);
            out.state(index, previous, after);
        } else {
            long reset = current > 0 ? overlap + window : overlap;
            long spare = capacity - current - permits;
            long retry;
            if (spare >= 0) {
                // Wait until enough of the previous window has slid out.
                retry = overlap - floorDiv(spare * window, previous);
            } else {
                // Wait for the next window, where today's count becomes the weighted previous one.
                long needed = current == 0 ? 0 : window - floorDiv((capacity - permits) * window, current);
                retry = overlap + Math.max(0, needed);
            }
            out.deny(quot(ceiling - weighted, window), reset, retry);
        }
    }

    // Divisions in doubles. For integers |x|, |y| < 2^53 a correctly rounded double quotient never crosses an integer
    // (it is off by less than 1/|y|, the least distance from a non-integral quotient to an integer), so its floor,
    // ceiling and truncation are exact; and a double division takes a fraction of a 64-bit integer one's cycles.
    // Every operand here is below 2^53 by construction (see Limit.resolutionMicros), as the Lua script relies on.

    /** {@code x / y} (truncated) for |x| < 2^53 and 0 < y < 2^53. */
    static long quot(long x, long y) {
        return (long) ((double) x / (double) y);
    }

    /** ⌊x / y⌋ for |x| < 2^53 and 0 < y < 2^53. */
    static long floorDiv(long x, long y) {
        return (long) Math.floor((double) x / (double) y);
    }

    /** ⌈x / y⌉ for |x| < 2^53 and 0 < y < 2^53. */
    static long ceilDiv(long x, long y) {
        return (long) Math.ceil((double) x / (double) y);
    }
}
