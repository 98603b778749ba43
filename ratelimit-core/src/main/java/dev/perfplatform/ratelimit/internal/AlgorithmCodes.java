package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Algorithm;

/** The numbers that name the algorithms in the Redis script's arguments: a wire format, not API. */
public final class AlgorithmCodes {

    private AlgorithmCodes() {}

    /** The script's number for {@code algorithm}. */
    public static int of(Algorithm algorithm) {
        return switch (algorithm) {
            case TOKEN_BUCKET -> 1;
            case SLIDING_WINDOW_LOG -> 2;
            case SLIDING_WINDOW_COUNTER -> 3;
            case FIXED_WINDOW -> 4;
            case GCRA -> 5;
        };
    }
}
