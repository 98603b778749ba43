package dev.perfplatform.ratelimit.redis;

import dev.perfplatform.ratelimit.CircuitState;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.internal.CircuitBreaker;
import dev.perfplatform.ratelimit.internal.CircuitBreakers;
import dev.perfplatform.ratelimit.internal.DefaultRateLimiter;
import dev.perfplatform.ratelimit.internal.InMemoryEngineAccess;
import dev.perfplatform.ratelimit.internal.NegativeCache;
import dev.perfplatform.ratelimit.internal.ResilientDecisionStore;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Limiter state in Redis, shared by every instance: one {@code EVALSHA} per decision, whatever the policy's limits
 * and algorithms; keys hash-tagged per policy and key, so standalone, Sentinel and Cluster deployments all work.
 * Time comes from Redis {@code TIME} unless a {@link Builder#timeSource(TimeSource) time source} is given.
 *
 * <p>When Redis fails or does not answer within the {@linkplain Builder#commandTimeout(Duration) command timeout}
 * (100 ms by default, not Lettuce's 60 s), each policy's failure policy decides (fail open by default) and the
 * decision is flagged degraded; a circuit breaker stops paying the timeout while Redis is down (on a Redis Cluster, one
 * per master, so a failed master degrades only its own keys). Denials are cached
 * locally until their retry-after, so a flood on a denied key does not reach Redis, and concurrent requests on one key
 * share script calls. A decision never waits longer than the command timeout, counted from when it is asked.
 *
 * <p>{@link Builder#build()} never fails for want of Redis, and returns at once when Redis is down: the engine connects
 * in the background, retrying with a back-off capped at 500 ms, and until it has connected decisions follow the failure policies and
 * {@link #circuitState()} is open. The engine's own client reconnects with the same cap after an outage.
 *
 * <pre>{@code
 * try (RedisEngine engine = RedisEngine.builder(RedisURI.create("redis://localhost:6379"))
 *         .commandTimeout(Duration.ofMillis(50))
 *         .build()) {
 *     RateLimiter limiter = engine.limiter(RateLimitPolicy.of("api", Limit.slidingWindowCounter(100, Duration.ofMinutes(1))));
 *     Decision decision = limiter.acquire(clientIp);
 * }
 * }</pre>
 */
public final class RedisEngine implements RateLimiterEngine {

    private final InMemoryEngine fallback;
    private final CircuitBreakers breakers;
    private final BackgroundConnection connection;
    private final ResilientDecisionStore store;
    private final TimeSource waitClock;

    private RedisEngine(Builder builder, ClientSource client) {
        TimeSource clock = builder.timeSource == null ? TimeSource.system() : builder.timeSource;
        this.waitClock = clock;
        this.fallback = InMemoryEngine.builder()
                .timeSource(clock)
                .maxKeys(builder.maxFallbackKeys)
                .build();
        Supplier<CircuitBreaker> breaker = () ->
                new CircuitBreaker(builder.failureThreshold, builder.openDuration, System::nanoTime, builder.listener);
        this.breakers = client instanceof ClientSource.Cluster
                ? new ClusterCircuitBreakers(breaker.get(), breaker, this::topology)
                : breaker.get();
        this.connection = new BackgroundConnection(
                client,
                connected -> new RedisDecisionStore(
                        connected.scripting(),
                        connected.keys(),
                        builder.keyPrefix,
                        builder.timeSource,
                        builder.commandTimeout,
                        builder.coalesce),
                breakers,
                builder.commandTimeout);
        NegativeCache denials =
                builder.negativeCacheSize > 0 ? new NegativeCache(builder.negativeCacheSize, clock) : null;
        this.store = new ResilientDecisionStore(
                connection,
                breakers,
                denials,
                InMemoryEngineAccess.decisionStore(fallback),
                builder.listener,
                RedisDecisionStore::causeOf);
    }

    /** An engine on its own client for {@code uri} (standalone or {@code redis-sentinel://}), closed with the engine. */
    public static Builder builder(RedisURI uri) {
        return new Builder(null, false, List.of(uri));
    }

    /**
     * An engine on its own Redis Cluster client for {@code nodes} (seed nodes), with adaptive topology refresh, closed
     * with the engine.
     */
    public static Builder builderForCluster(Iterable<RedisURI> nodes) {
        List<RedisURI> seeds = new ArrayList<>();
        nodes.forEach(seeds::add);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs at least one seed node");
        }
        return new Builder(null, true, List.copyOf(seeds));
    }

    /**
     * An engine on its own connection from {@code client}, which stays the caller's. Recommended client option:
     * {@code DisconnectedBehavior.REJECT_COMMANDS}, so requests made while Redis is down fail fast instead of queuing.
     */
    public static Builder builder(RedisClient client) {
        return new Builder(new ClientSource.Standalone(client, null), false, List.of());
    }

    /** An engine on its own connection from a Redis Cluster {@code client}, which stays the caller's. */
    public static Builder builder(RedisClusterClient client) {
        return new Builder(new ClientSource.Cluster(client, null), true, List.of());
    }

    @Override
    public RateLimiter limiter(RateLimitPolicy policy) {
        return new DefaultRateLimiter(policy, store, waitClock);
    }

    @Override
    public String kind() {
        return "redis";
    }

    /**
     * The state of the circuit breaker in front of Redis: {@link CircuitState#OPEN} while Redis cannot be reached,
     * including from start-up until the engine first connects. On a Redis Cluster, where each master has a breaker of
     * its own, the worst of theirs ({@link #circuitStatesByNode()} has each).
     */
    @Override
    public CircuitState circuitState() {
        return breakers.state();
    }

    /**
     * On a Redis Cluster, per master serving slots now ({@code host:port}), the state of its circuit breaker: a failed
     * master's breaker degrades only the keys it serves. Empty for standalone and Sentinel, where one breaker guards
     * every key.
     */
    @Override
    public Map<String, CircuitState> circuitStatesByNode() {
        return breakers.states();
    }

    private @Nullable Partitions topology() {
        return connection.topology();
    }

    /** Whether the engine has connected to Redis at least once (it connects in the background after build). */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Keys held now by the local fallback (policies with {@code FailurePolicy.localFallback}). */
    public long fallbackKeyCount() {
        return fallback.keyCount();
    }

    /** Keys the local fallback dropped so far, fresh or not (see {@link InMemoryEngine#evictedKeys()}). */
    public long fallbackEvictedKeys() {
        return fallback.evictedKeys();
    }

    /** Keys the local fallback dropped at its cap while they still had consumption. */
    public long fallbackEvictedActiveKeys() {
        return fallback.evictedActiveKeys();
    }

    @Override
    public void close() {
        connection.close();
        fallback.close();
    }

    /** Configures a {@link RedisEngine}. */
    public static final class Builder {
        /** The longest {@link #build()} waits for its first connection attempt (a host that drops packets). */
        private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(1);

        private final @Nullable ClientSource callersClient;
        private final boolean cluster;
        private final List<RedisURI> uris;
        private String keyPrefix = RedisDefaults.KEY_PREFIX;
        private Duration commandTimeout = RedisDefaults.COMMAND_TIMEOUT;
        private @Nullable TimeSource timeSource;
        private int failureThreshold = RedisDefaults.FAILURE_THRESHOLD;
        private Duration openDuration = RedisDefaults.OPEN_DURATION;
        private int negativeCacheSize = RedisDefaults.NEGATIVE_CACHE_SIZE;
        private int maxFallbackKeys = InMemoryEngine.DEFAULT_MAX_KEYS;
        private StoreListener listener = StoreListener.NONE;
        private boolean coalesce = true;
        private @Nullable SslOptions sslOptions;
        private Duration adaptiveRefreshTimeout = RedisDefaults.CLUSTER_ADAPTIVE_REFRESH_TIMEOUT;
        private Duration periodicRefresh = RedisDefaults.CLUSTER_PERIODIC_REFRESH;
        private boolean dynamicRefreshSources = RedisDefaults.CLUSTER_DYNAMIC_REFRESH_SOURCES;

        /** With no {@code callersClient}, the engine creates its own client for {@code uris} and closes it. */
        private Builder(@Nullable ClientSource callersClient, boolean cluster, List<RedisURI> uris) {
            this.callersClient = callersClient;
            this.cluster = cluster;
            this.uris = uris;
        }

        /** Prefix of every key ({@value RedisDefaults#KEY_PREFIX} by default); must not contain braces. */
        public Builder keyPrefix(String value) {
            if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
                throw new IllegalArgumentException("keyPrefix must not contain '{' or '}' but was '" + value + "'");
            }
            this.keyPrefix = value;
            return this;
        }

        /** How long a decision may wait for Redis before the failure policy decides; 100 ms by default. */
        public Builder commandTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("commandTimeout must be positive but was " + value);
            }
            this.commandTimeout = value;
            return this;
        }

        /** Use this clock instead of Redis {@code TIME} (tests; deployments with synchronised clocks). */
        public Builder timeSource(TimeSource value) {
            this.timeSource = value;
            return this;
        }

        /** Consecutive failures that open the circuit, and how long it stays open before a probe. */
        public Builder circuitBreaker(int failures, Duration open) {
            if (failures < 1) {
                throw new IllegalArgumentException("failures must be positive but was " + failures);
            }
            if (open.isNegative() || open.isZero()) {
                throw new IllegalArgumentException("open must be positive but was " + open);
            }
            this.failureThreshold = failures;
            this.openDuration = open;
            return this;
        }

        /** How many denials to answer locally until their retry-after; 0 turns the cache off. */
        public Builder negativeCacheSize(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("negativeCacheSize must not be negative but was " + value);
            }
            this.negativeCacheSize = value;
            return this;
        }

        /**
         * Cap on the keys the local fallback holds over all policies ({@value InMemoryEngine#DEFAULT_MAX_KEYS} by
         * default), evicted as in {@link InMemoryEngine.Builder#maxKeys(int)}.
         */
        public Builder maxFallbackKeys(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxFallbackKeys must be positive but was " + value);
            }
            this.maxFallbackKeys = value;
            return this;
        }

        /**
         * Whether concurrent requests on one key share script calls (on by default): while a call for a key is in
         * flight, later requests for it queue and go together in the next call, evaluated in arrival order.
         */
        public Builder coalesceConcurrentRequests(boolean value) {
            this.coalesce = value;
            return this;
        }

        /**
         * TLS trust and key material of the engine's own client ({@link #builder(RedisURI)} with a {@code rediss://}
         * URI, {@link #builderForCluster(Iterable)} with TLS URIs); by default the JVM's trust store.
         *
         * @throws IllegalStateException for an engine on a caller's client, which keeps its own options
         */
        public Builder sslOptions(SslOptions value) {
            if (callersClient != null) {
                throw new IllegalStateException("sslOptions applies to the engine's own client; set them on yours");
            }
            this.sslOptions = value;
            return this;
        }

        /**
         * How the engine's own Redis Cluster client ({@link #builderForCluster(Iterable)}) follows topology changes
         * such as a failover: every adaptive trigger is on ({@code MOVED}, {@code ASK}, failed reconnections...), and
         * refreshes they trigger come at most once per {@code adaptiveTimeout} (1 s by default); the topology is also
         * read every {@code period} (5 s by default; {@link Duration#ZERO} turns that off).
         *
         * @throws IllegalStateException for a standalone engine, or one on a caller's client, which keeps its own
         *     options
         */
        public Builder clusterTopologyRefresh(Duration adaptiveTimeout, Duration period) {
            requireOwnClusterClient("clusterTopologyRefresh");
            if (adaptiveTimeout.isNegative() || adaptiveTimeout.isZero()) {
                throw new IllegalArgumentException("adaptiveTimeout must be positive but was " + adaptiveTimeout);
            }
            if (period.isNegative()) {
                throw new IllegalArgumentException("period must not be negative but was " + period);
            }
            this.adaptiveRefreshTimeout = adaptiveTimeout;
            this.periodicRefresh = period;
            return this;
        }

        /**
         * Whether the engine's own Redis Cluster client reads the topology from every node it knows (the default) or
         * only from the seed nodes.
         *
         * @throws IllegalStateException for a standalone engine, or one on a caller's client
         */
        public Builder clusterDynamicRefreshSources(boolean value) {
            requireOwnClusterClient("clusterDynamicRefreshSources");
            this.dynamicRefreshSources = value;
            return this;
        }

        private void requireOwnClusterClient(String option) {
            if (!cluster || callersClient != null) {
                throw new IllegalStateException(option + " applies to the engine's own Redis Cluster client"
                        + " (builderForCluster); " + (cluster ? "set it on yours" : "this engine is not on a cluster"));
            }
        }

        /** Told about store errors and circuit changes (metrics). */
        public Builder listener(StoreListener value) {
            this.listener = value;
            return this;
        }

        /**
         * The engine, returned without failing for want of Redis: it connects in the background, and until Redis
         * answers, decisions follow each policy's failure policy (flagged degraded) and the circuit is open. Waits
         * for the first connection attempt only while it is under way and at most 1 s, so a reachable Redis is used
         * from the first decision; with Redis down (connection refused) it returns at once.
         *
         * @throws io.lettuce.core.RedisConnectionException when the first attempt fails on the engine's own
         *     configuration (a TLS certificate the client does not trust), which no retry can cure
         */
        public RedisEngine build() {
            RedisEngine engine = new RedisEngine(this, callersClient != null ? callersClient : createClient());
            try {
                engine.connection.awaitFirstAttempt(FIRST_CONNECT_WAIT);
            } catch (RuntimeException misconfigured) {
                engine.close();
                throw misconfigured;
            }
            return engine;
        }

        /**
         * The engine's own client: fails fast while Redis is down (no queue of commands), reconnects with a back-off
         * capped at 500 ms (Lettuce's default grows to 30 s, so a restarted Redis would wait
         * seconds for it), follows Cluster changes within about a second ({@link #clusterTopologyRefresh}).
         */
        private ClientSource createClient() {
            SslOptions ssl = sslOptions == null ? ClientOptions.DEFAULT_SSL_OPTIONS : sslOptions;
            ClientOptions.DisconnectedBehavior rejectWhileDown = ClientOptions.DisconnectedBehavior.REJECT_COMMANDS;
            ClientResources resources = DefaultClientResources.builder()
                    .reconnectDelay(Delay.exponential(
                            BackgroundConnection.FIRST_RETRY, BackgroundConnection.MAX_RETRY, 2, TimeUnit.MILLISECONDS))
                    .build();
            if (cluster) {
                RedisClusterClient client = RedisClusterClient.create(resources, uris);
                client.setOptions(ClusterClientOptions.builder()
                        .disconnectedBehavior(rejectWhileDown)
                        .topologyRefreshOptions(topologyRefresh())
                        .sslOptions(ssl)
                        .build());
                return new ClientSource.Cluster(client, resources);
            }
            RedisClient client = RedisClient.create(resources, uris.get(0));
            client.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(rejectWhileDown)
                    .sslOptions(ssl)
                    .build());
            return new ClientSource.Standalone(client, resources);
        }

        private ClusterTopologyRefreshOptions topologyRefresh() {
            ClusterTopologyRefreshOptions.Builder refresh = ClusterTopologyRefreshOptions.builder()
                    .enableAllAdaptiveRefreshTriggers()
                    .adaptiveRefreshTriggersTimeout(adaptiveRefreshTimeout)
                    .dynamicRefreshSources(dynamicRefreshSources);
            if (!periodicRefresh.isZero()) {
                refresh.enablePeriodicRefresh(periodicRefresh);
            }
            return refresh.build();
        }
    }
}
