package dev.perfplatform.ratelimit;

import java.math.BigInteger;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Upper bounds every admitted sequence must respect, checked on the latest admission against all before it. */
final class Invariants {

    private Invariants() {}

    /** A description of the broken bound, or null. {@code admitted} holds (micros, permits) in time order. */
    static @Nullable String violation(Limit limit, List<long[]> admitted) {
        return switch (limit.algorithm()) {
            case TOKEN_BUCKET, GCRA -> bucketViolation(limit, admitted);
            case SLIDING_WINDOW_LOG -> windowViolation(limit, admitted, 1);
            case FIXED_WINDOW -> fixedWindowViolation(limit, admitted);
            case SLIDING_WINDOW_COUNTER -> windowViolation(limit, admitted, 2); // approximate: at most 2× per window
        };
    }

    /** In any interval [t_i, t_last]: admitted ≤ capacity + elapsed × refill / period (on the limit's ticks). */
    private static @Nullable String bucketViolation(Limit limit, List<long[]> admitted) {
        long[] last = admitted.get(admitted.size() - 1);
        long lastTick = Math.floorDiv(last[0], limit.resolutionMicros());
        BigInteger sum = BigInteger.ZERO;
        for (int i = admitted.size() - 1; i >= 0; i--) {
            sum = sum.add(BigInteger.valueOf(admitted.get(i)[1]));
            long elapsed = lastTick - Math.floorDiv(admitted.get(i)[0], limit.resolutionMicros());
            BigInteger bound = BigInteger.valueOf(limit.capacity())
                    .multiply(BigInteger.valueOf(limit.periodTicks()))
                    .add(BigInteger.valueOf(elapsed).multiply(BigInteger.valueOf(limit.refillTokens())));
            if (sum.multiply(BigInteger.valueOf(limit.periodTicks())).compareTo(bound) > 0) {
                return sum + " permits admitted within " + elapsed + " ticks, more than capacity + refill";
            }
            if (elapsed > limit.periodTicks() * (limit.capacity() + 2)) {
                return null; // older admissions cannot matter any more
            }
        }
        return null;
    }

    /** In any window (t_last − window, t_last]: admitted ≤ factor × limit. */
    private static @Nullable String windowViolation(Limit limit, List<long[]> admitted, long factor) {
        long lastTime = admitted.get(admitted.size() - 1)[0];
        long sum = 0;
        for (int i = admitted.size() - 1; i >= 0 && admitted.get(i)[0] > lastTime - limit.periodTicks(); i--) {
            sum += admitted.get(i)[1];
        }
        return sum > factor * limit.capacity()
                ? sum + " permits admitted within one window of " + limit.period()
                : null;
    }

    private static @Nullable String fixedWindowViolation(Limit limit, List<long[]> admitted) {
        long window = Math.floorDiv(admitted.get(admitted.size() - 1)[0], limit.periodTicks());
        long sum = 0;
        for (int i = admitted.size() - 1;
                i >= 0 && Math.floorDiv(admitted.get(i)[0], limit.periodTicks()) == window;
                i--) {
            sum += admitted.get(i)[1];
        }
        return sum > limit.capacity() ? sum + " permits admitted in one fixed window" : null;
    }
}
