package dev.perfplatform.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random sequence of requests for one key: gaps in microseconds drawn around the limit's pace (bursts,
 * steady traffic and idle stretches), permits mostly 1, sometimes more.
 */
record RequestSequence(long seed, List<Request> requests) {

    record Request(long gapMicros, long permits) {
        @Override
        public String toString() {
            return "+" + gapMicros + "us×" + permits;
        }
    }

    static RequestSequence generate(long seed, int length, long periodMicros, long capacity, long maxPermits) {
        SplittableRandom random = new SplittableRandom(seed);
        long pace = Math.max(1, periodMicros / Math.max(1, capacity));
        List<Request> requests = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int shape = random.nextInt(100);
            long gap;
            if (shape < 40) {
                gap = 0; // a burst: same microsecond
            } else if (shape < 85) {
                gap = random.nextLong(1, 2 * pace + 2);
            } else if (shape < 97) {
                gap = random.nextLong(1, periodMicros + 2);
            } else {
                gap = random.nextLong(periodMicros, 3 * periodMicros + 1); // idle
            }
            long permits = random.nextInt(10) < 8 ? 1 : random.nextLong(1, maxPermits + 1);
            requests.add(new Request(gap, permits));
        }
        return new RequestSequence(seed, requests);
    }

    /** The failure message: seed, step and the shortest failing prefix (its last 40 requests when longer). */
    String describeFailure(int step, String what) {
        List<Request> prefix = requests.subList(0, step + 1);
        String shown = prefix.size() <= 40
                ? prefix.toString()
                : "... " + (prefix.size() - 40) + " earlier, then " + prefix.subList(prefix.size() - 40, prefix.size());
        return "seed " + seed + ": " + what + " at step " + step + " of " + requests.size()
                + "; shortest failing prefix (" + prefix.size() + " requests): " + shown;
    }
}
