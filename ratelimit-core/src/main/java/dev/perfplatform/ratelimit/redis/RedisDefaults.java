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

    /**
     * Redis Cluster: the least time between two topology refreshes that the cluster's answers trigger ({@code MOVED},
     * {@code ASK}, failed reconnections...; every such trigger is on): 1 s. Lettuce's 30 s kept a failed-over shard's
     * keys off Redis for about 31 s after the promotion, since its first refresh came before Redis failed the node.
     */
    public static final Duration CLUSTER_ADAPTIVE_REFRESH_TIMEOUT = Duration.ofSeconds(1);

    /** Redis Cluster: the topology is also read every 5 s, whatever happens (zero: never). */
    public static final Duration CLUSTER_PERIODIC_REFRESH = Duration.ofSeconds(5);

    /**
     * Redis Cluster: whether the topology is read from every node the client knows rather than from the seed nodes
     * only: {@value} (a dead seed does not blind the client).
     */
    public static final boolean CLUSTER_DYNAMIC_REFRESH_SOURCES = true;

    private RedisDefaults() {}
}
