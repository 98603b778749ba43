package dev.perfplatform.ratelimit;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Textbook versions of the algorithms in exact rational arithmetic (BigInteger), over the same quantised clock as the
 * engines (ticks of the limit's resolution). Slow, obviously right, copyable: the oracle of the generated-sequence
 * tests.
 */
abstract class ReferenceModel {

    final Limit limit;

    ReferenceModel(Limit limit) {
        this.limit = limit;
    }

    static ReferenceModel of(Limit limit) {
        return switch (limit.algorithm()) {
            case TOKEN_BUCKET, GCRA -> new TokenBucket(limit);
            case FIXED_WINDOW -> new FixedWindow(limit);
            case SLIDING_WINDOW_COUNTER -> new SlidingCounter(limit);
            case SLIDING_WINDOW_LOG -> new SlidingLog(limit);
        };
    }

    /** Whether {@code permits} would be admitted at {@code micros}, without consuming. */
    abstract boolean admits(long micros, long permits);

    /** Consumes {@code permits} at {@code micros}; only called when {@link #admits} said yes. */
    abstract void consume(long micros, long permits);

    /** Whole permits available at {@code micros} (before any request). */
    abstract long remaining(long micros);

    abstract ReferenceModel copy();

    long ticks(long micros) {
        return Math.floorDiv(micros, limit.resolutionMicros());
    }

    static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    /** Tokens as a fraction with denominator = period ticks; refilled by elapsed × refill / period, capped. */
    static final class TokenBucket extends ReferenceModel {
        private BigInteger numerator; // tokens × period
        private long last = Long.MIN_VALUE;

        TokenBucket(Limit limit) {
            super(limit);
            numerator = full();
        }

        private BigInteger full() {
            return big(limit.capacity()).multiply(big(limit.periodTicks()));
        }

        private BigInteger tokensAt(long micros) {
            long now = ticks(micros);
            if (last == Long.MIN_VALUE) {
                return full();
            }
            BigInteger refilled = numerator.add(big(Math.max(0, now - last)).multiply(big(limit.refillTokens())));
            return refilled.min(full());
        }

        @Override
        boolean admits(long micros, long permits) {
            return tokensAt(micros).compareTo(big(permits).multiply(big(limit.periodTicks()))) >= 0;
        }

        @Override
        void consume(long micros, long permits) {
            numerator = tokensAt(micros).subtract(big(permits).multiply(big(limit.periodTicks())));
            last = ticks(micros);
        }

        @Override
        long remaining(long micros) {
            return tokensAt(micros).divide(big(limit.periodTicks())).longValueExact();
        }

        @Override
        ReferenceModel copy() {
            TokenBucket copy = new TokenBucket(limit);
            copy.numerator = numerator;
            copy.last = last;
            return copy;
        }
    }

    /** A count per clock-aligned window. */
    static final class FixedWindow extends ReferenceModel {
        private long window = Long.MIN_VALUE;
        private long count;

        FixedWindow(Limit limit) {
            super(limit);
        }

        private long countAt(long micros) {
            return Math.floorDiv(ticks(micros), limit.periodTicks()) == window ? count : 0;
        }

        @Override
        boolean admits(long micros, long permits) {
            return countAt(micros) + permits <= limit.capacity();
        }

        @Override
        void consume(long micros, long permits) {
            count = countAt(micros) + permits;
            window = Math.floorDiv(ticks(micros), limit.periodTicks());
        }

        @Override
        long remaining(long micros) {
            return limit.capacity() - countAt(micros);
        }

        @Override
        ReferenceModel copy() {
            FixedWindow copy = new FixedWindow(limit);
            copy.window = window;
            copy.count = count;
            return copy;
        }
    }

    /** estimate = previous × (window − elapsed) / window + current, as an exact fraction. */
    static final class SlidingCounter extends ReferenceModel {
        private long window = Long.MIN_VALUE;
        private long current;
        private long previous;

        SlidingCounter(Limit limit) {
            super(limit);
        }

        private long[] countsAt(long micros) {
            long index = Math.floorDiv(ticks(micros), limit.periodTicks());
            if (index == window) {
                return new long[] {previous, current};
            }
            return new long[] {index == window + 1 ? current : 0, 0};
        }

        /** The estimate × window length, exact. */
        private BigInteger scaledEstimate(long micros, long extra) {
            long[] counts = countsAt(micros);
            long w = limit.periodTicks();
            long elapsed = Math.floorMod(ticks(micros), w);
            return big(counts[0])
                    .multiply(big(w - elapsed))
                    .add(big(counts[1] + extra).multiply(big(w)));
        }

        @Override
        boolean admits(long micros, long permits) {
            return scaledEstimate(micros, permits)
                            .compareTo(big(limit.capacity()).multiply(big(limit.periodTicks())))
                    <= 0;
        }

        @Override
        void consume(long micros, long permits) {
            long[] counts = countsAt(micros);
            previous = counts[0];
            current = counts[1] + permits;
            window = Math.floorDiv(ticks(micros), limit.periodTicks());
        }

        @Override
        long remaining(long micros) {
            BigInteger ceiling = big(limit.capacity()).multiply(big(limit.periodTicks()));
            return ceiling.subtract(scaledEstimate(micros, 0))
                    .divide(big(limit.periodTicks()))
                    .longValueExact();
        }

        @Override
        ReferenceModel copy() {
            SlidingCounter copy = new SlidingCounter(limit);
            copy.window = window;
            copy.current = current;
            copy.previous = previous;
            return copy;
        }
    }

    /** Every admitted request of the last window, counted by brute force. */
    static final class SlidingLog extends ReferenceModel {
        private final Deque<long[]> entries = new ArrayDeque<>();

        SlidingLog(Limit limit) {
            super(limit);
        }

        private long countAt(long micros) {
            long count = 0;
            for (long[] entry : entries) {
                if (entry[0] > micros - limit.periodTicks()) {
                    count += entry[1];
                }
            }
            return count;
        }

        @Override
        boolean admits(long micros, long permits) {
            return countAt(micros) + permits <= limit.capacity();
        }

        @Override
        void consume(long micros, long permits) {
            entries.add(new long[] {micros, permits});
        }

        @Override
        long remaining(long micros) {
            return limit.capacity() - countAt(micros);
        }

        @Override
        ReferenceModel copy() {
            SlidingLog copy = new SlidingLog(limit);
            entries.forEach(entry -> copy.entries.add(entry.clone()));
            return copy;
        }
    }
}
