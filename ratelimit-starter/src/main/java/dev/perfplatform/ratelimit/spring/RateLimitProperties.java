package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import dev.perfplatform.ratelimit.redis.RedisDefaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the rate limiter under {@code ratelimit.*}. */
@ConfigurationProperties("ratelimit")
public class RateLimitProperties {

    /** Whether rate limiting is on. */
    private boolean enabled = true;

    /**
     * Where limiter state lives: memory, redis, or auto (Redis when ratelimit.redis.url is set or the application has
     * a Spring Data Redis connection, else memory).
     */
    private Engine engine = Engine.AUTO;

    /** Redis engine settings. */
    private final Redis redis = new Redis();

    /** In-memory engine settings (also the local fallback of the Redis engine). */
    private final Memory memory = new Memory();

    /** Which peers may set X-Forwarded-For / Forwarded for the "ip" key. */
    private final ClientIp clientIp = new ClientIp();

    /** Headers written on responses. */
    private final Headers headers = new Headers();

    /** Order of the web filter; by default right after Spring Security and CORS. */
    private int filterOrder = RateLimitOrder.DEFAULT_FILTER_ORDER;

    /** Named policies. */
    private Map<String, Policy> policies = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Engine getEngine() {
        return engine;
    }

    public void setEngine(Engine engine) {
        this.engine = engine;
    }

    public Redis getRedis() {
        return redis;
    }

    public Memory getMemory() {
        return memory;
    }

    public ClientIp getClientIp() {
        return clientIp;
    }

    public Headers getHeaders() {
        return headers;
    }

    public int getFilterOrder() {
        return filterOrder;
    }

    public void setFilterOrder(int filterOrder) {
        this.filterOrder = filterOrder;
    }

    public Map<String, Policy> getPolicies() {
        return policies;
    }

    public void setPolicies(Map<String, Policy> policies) {
        this.policies = policies;
    }

    /** Engine choice. */
    public enum Engine {
        /** In this JVM. */
        MEMORY,
        /** In Redis, shared by every instance. */
        REDIS,
        /** Redis when a connection is configured, else memory. */
        AUTO
    }

    /** Redis engine settings. */
    public static class Redis {
        /** Redis URL of the limiter's own connection (redis://, rediss://, redis-sentinel://); default: the app's. */
        private @Nullable String url;

        /** Prefix of every key the limiter writes. */
        private String keyPrefix = RedisDefaults.KEY_PREFIX;

        /** How long a decision waits for Redis before the failure policy decides. */
        private Duration commandTimeout = RedisDefaults.COMMAND_TIMEOUT;

        /** Clock of the algorithms: redis (server TIME, the default) or local (this JVM's clock). */
        private Clock clock = Clock.REDIS;

        /** Consecutive failures that open the circuit breaker. */
        private int failureThreshold = RedisDefaults.FAILURE_THRESHOLD;

        /** How long the circuit stays open before a probe. */
        private Duration openDuration = RedisDefaults.OPEN_DURATION;

        /** Denials answered locally until their retry-after; 0 turns the cache off. */
        private int negativeCacheSize = RedisDefaults.NEGATIVE_CACHE_SIZE;

        /** How the limiter's own Redis Cluster client follows topology changes (a failover). */
        private final Cluster cluster = new Cluster();

        public @Nullable String getUrl() {
            return url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public Duration getCommandTimeout() {
            return commandTimeout;
        }

        public void setCommandTimeout(Duration commandTimeout) {
            this.commandTimeout = commandTimeout;
        }

        public Clock getClock() {
            return clock;
        }

        public void setClock(Clock clock) {
            this.clock = clock;
        }

        public int getFailureThreshold() {
            return failureThreshold;
        }

        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        public Duration getOpenDuration() {
            return openDuration;
        }

        public void setOpenDuration(Duration openDuration) {
            this.openDuration = openDuration;
        }

        public int getNegativeCacheSize() {
            return negativeCacheSize;
        }

        public void setNegativeCacheSize(int negativeCacheSize) {
            this.negativeCacheSize = negativeCacheSize;
        }

        public Cluster getCluster() {
            return cluster;
        }
    }

    /** Topology refresh of the limiter's own Redis Cluster client (with {@code spring.data.redis.cluster.nodes}). */
    public static class Cluster {
        /**
         * Least time between two topology refreshes triggered by the cluster's answers (MOVED, ASK, failed
         * reconnections; every trigger is on).
         */
        private Duration adaptiveRefreshTimeout = RedisDefaults.CLUSTER_ADAPTIVE_REFRESH_TIMEOUT;

        /** Time between topology refreshes whatever happens; 0 turns them off. */
        private Duration periodicRefresh = RedisDefaults.CLUSTER_PERIODIC_REFRESH;

        /** Whether the topology is read from every known node rather than from the seed nodes only. */
        private boolean dynamicRefreshSources = RedisDefaults.CLUSTER_DYNAMIC_REFRESH_SOURCES;

        public Duration getAdaptiveRefreshTimeout() {
            return adaptiveRefreshTimeout;
        }

        public void setAdaptiveRefreshTimeout(Duration adaptiveRefreshTimeout) {
            this.adaptiveRefreshTimeout = adaptiveRefreshTimeout;
        }

        public Duration getPeriodicRefresh() {
            return periodicRefresh;
        }

        public void setPeriodicRefresh(Duration periodicRefresh) {
            this.periodicRefresh = periodicRefresh;
        }

        public boolean isDynamicRefreshSources() {
            return dynamicRefreshSources;
        }

        public void setDynamicRefreshSources(boolean dynamicRefreshSources) {
            this.dynamicRefreshSources = dynamicRefreshSources;
        }
    }

    /** Clock choice of the Redis engine. */
    public enum Clock {
        /** Redis server TIME. */
        REDIS,
        /** The JVM's clock. */
        LOCAL
    }

    /** In-memory engine settings. */
    public static class Memory {
        /** Cap on keys over all policies. */
        private int maxKeys = InMemoryEngine.DEFAULT_MAX_KEYS;

        /** Time between sweeps of keys back at their fresh state. */
        private Duration sweepInterval = InMemoryEngine.DEFAULT_SWEEP_INTERVAL;

        public int getMaxKeys() {
            return maxKeys;
        }

        public void setMaxKeys(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        public Duration getSweepInterval() {
            return sweepInterval;
        }

        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }
    }

    /** Client address settings. */
    public static class ClientIp {
        /**
         * Addresses or CIDR ranges of proxies whose X-Forwarded-For / Forwarded headers are believed; from anyone
         * else the headers are ignored and the peer address is the key.
         */
        private List<String> trustedProxies = new ArrayList<>();

        public List<String> getTrustedProxies() {
            return trustedProxies;
        }

        public void setTrustedProxies(List<String> trustedProxies) {
            this.trustedProxies = trustedProxies;
        }
    }

    /** Response header settings. */
    public static class Headers {
        /** Header style: ietf (RateLimit-Policy and RateLimit, draft 10), legacy (X-RateLimit-*), both or none. */
        private HeaderStyle style = HeaderStyle.IETF;

        /** Whether admitted responses carry the headers too (a 429 always does). */
        private boolean onAllowed = true;

        public HeaderStyle getStyle() {
            return style;
        }

        public void setStyle(HeaderStyle style) {
            this.style = style;
        }

        public boolean isOnAllowed() {
            return onAllowed;
        }

        public void setOnAllowed(boolean onAllowed) {
            this.onAllowed = onAllowed;
        }
    }

    /** Which rate-limit headers to write. */
    public enum HeaderStyle {
        /** RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers-10). */
        IETF,
        /** X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset. */
        LEGACY,
        /** Both sets. */
        BOTH,
        /** Only Retry-After on 429s. */
        NONE
    }

    /** One named policy. */
    public static class Policy {
        /** The limits, all of which must admit a request. */
        private List<LimitSpec> limits = new ArrayList<>();

        /** Key: ip, user (the authenticated principal), header:NAME, global, or the name of a KeyResolver bean. */
        private String key = "ip";

        /** Ant-style path patterns the policy applies to; empty means every path. */
        private List<String> paths = new ArrayList<>();

        /** Path patterns excluded from the policy. */
        private List<String> excludePaths = new ArrayList<>();

        /** HTTP methods the policy applies to; empty means every method. */
        private List<String> methods = new ArrayList<>();

        /** Whether the web filter applies this policy (false: only @RateLimited and the registry use it). */
        private boolean filter = true;

        /** Evaluate and report but never deny. */
        private boolean shadow;

        /** When Redis is unavailable: open (admit), closed (deny) or local (in-memory, scaled by local-share). */
        private FailureMode failure = FailureMode.OPEN;

        /** Share of each limit used by the local fallback, in (0, 1]. */
        private double localShare = 1.0;

        /** With key "user" and no authenticated user: fall back to the client address (true) or skip the policy (false). */
        private boolean userFallbackToIp = true;

        public List<LimitSpec> getLimits() {
            return limits;
        }

        public void setLimits(List<LimitSpec> limits) {
            this.limits = limits;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public List<String> getPaths() {
            return paths;
        }

        public void setPaths(List<String> paths) {
            this.paths = paths;
        }

        public List<String> getExcludePaths() {
            return excludePaths;
        }

        public void setExcludePaths(List<String> excludePaths) {
            this.excludePaths = excludePaths;
        }

        public List<String> getMethods() {
            return methods;
        }

        public void setMethods(List<String> methods) {
            this.methods = methods;
        }

        public boolean isFilter() {
            return filter;
        }

        public void setFilter(boolean filter) {
            this.filter = filter;
        }

        public boolean isShadow() {
            return shadow;
        }

        public void setShadow(boolean shadow) {
            this.shadow = shadow;
        }

        public FailureMode getFailure() {
            return failure;
        }

        public void setFailure(FailureMode failure) {
            this.failure = failure;
        }

        public double getLocalShare() {
            return localShare;
        }

        public void setLocalShare(double localShare) {
            this.localShare = localShare;
        }

        public boolean isUserFallbackToIp() {
            return userFallbackToIp;
        }

        public void setUserFallbackToIp(boolean userFallbackToIp) {
            this.userFallbackToIp = userFallbackToIp;
        }
    }

    /** Failure handling of a policy. */
    public enum FailureMode {
        /** Admit. */
        OPEN,
        /** Deny. */
        CLOSED,
        /** Decide in memory. */
        LOCAL
    }

    /** One limit of a policy. */
    public static class LimitSpec {
        /**
         * Algorithm: token-bucket, gcra, fixed-window, sliding-window (the counter approximation),
         * sliding-window-counter or sliding-window-log.
         */
        private @Nullable String algorithm;

        /** Permits per window (the refill of a token bucket, the rate of GCRA). */
        private long limit;

        /** The window, or the refill period of a token bucket / GCRA. */
        private @Nullable Duration window;

        /** Largest burst: the capacity of a token bucket or the burst of GCRA; defaults to the limit. */
        private @Nullable Long burst;

        /** Optional name shown in the RateLimit-Policy header. */
        private @Nullable String name;

        public @Nullable String getAlgorithm() {
            return algorithm;
        }

        public void setAlgorithm(@Nullable String algorithm) {
            this.algorithm = algorithm;
        }

        public long getLimit() {
            return limit;
        }

        public void setLimit(long limit) {
            this.limit = limit;
        }

        public @Nullable Duration getWindow() {
            return window;
        }

        public void setWindow(@Nullable Duration window) {
            this.window = window;
        }

        public @Nullable Long getBurst() {
            return burst;
        }

        public void setBurst(@Nullable Long burst) {
            this.burst = burst;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }
    }
}
