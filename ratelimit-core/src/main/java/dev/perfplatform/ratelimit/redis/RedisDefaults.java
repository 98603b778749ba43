package dev.perfplatform.ratelimit.redis;

import java.time.Duration;

/**
 * The defaults of {@link RedisEngine.Builder}, in a class that needs no Lettuce, so configuration layers (the Spring
 * Boot starter's properties) can show and test them without Lettuce on the class path.
 */
public final class RedisDefaults {

    /** Prefix of every key: {@value}. */
    public static final String KEY_PREFIX = "rl:";

    /** How long a decision waits for Redis before the failure policy decides: 100 ms. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(100);

    /** Consecutive failures that open the circuit: {@value}. */
    public static final int FAILURE_THRESHOLD = 5;

    /** Time the circuit stays open before a probe: 1 s. */
    public static final Duration OPEN_DURATION = Duration.ofSeconds(1);

    /** Denials cached locally until their retry-after: {@value}. */
    public static final int NEGATIVE_CACHE_SIZE = 10_000;

    private RedisDefaults() {}
}
