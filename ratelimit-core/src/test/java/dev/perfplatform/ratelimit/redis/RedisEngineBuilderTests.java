package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.ratelimit.FailurePolicy;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisEngineBuilderTests {

    @Test
    void sslOptionsApplyOnlyToTheEnginesOwnClient() {
        RedisClient callers = RedisClient.create();
        try {
            assertThatThrownBy(() -> RedisEngine.builder(callers).sslOptions(SslOptions.create()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("own client");
        } finally {
            callers.shutdown();
        }
        assertThatCode(() -> RedisEngine.builder(RedisURI.create("rediss://127.0.0.1:1"))
                        .sslOptions(SslOptions.create()))
                .doesNotThrowAnyException();
    }

    @Test
    void clusterTopologyRefreshAppliesOnlyToTheEnginesOwnClusterClient() {
        RedisEngine.Builder standalone = RedisEngine.builder(RedisURI.create("redis://127.0.0.1:1"));
        assertThatThrownBy(() -> standalone.clusterTopologyRefresh(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on a cluster");
        RedisClusterClient callers = RedisClusterClient.create(RedisURI.create("redis://127.0.0.1:1"));
        try {
            assertThatThrownBy(() -> RedisEngine.builder(callers).clusterDynamicRefreshSources(false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("set it on yours");
        } finally {
            callers.shutdown();
        }

        RedisEngine.Builder own = RedisEngine.builderForCluster(List.of(RedisURI.create("redis://127.0.0.1:1")));
        assertThatCode(() -> own.clusterTopologyRefresh(Duration.ofMillis(500), Duration.ZERO)
                        .clusterDynamicRefreshSources(false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> own.clusterTopologyRefresh(Duration.ZERO, Duration.ofSeconds(5)))
                .hasMessageContaining("adaptiveTimeout");
        assertThatThrownBy(() -> own.clusterTopologyRefresh(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("period");
    }

    @Test
    void invalidSettingsNameTheSetting() {
        RedisEngine.Builder builder = RedisEngine.builder(RedisURI.create("redis://127.0.0.1:1"));

        assertThatThrownBy(() -> builder.keyPrefix("rl:{x}")).hasMessageContaining("keyPrefix");
        assertThatThrownBy(() -> builder.commandTimeout(Duration.ZERO)).hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> builder.circuitBreaker(0, Duration.ofSeconds(1)))
                .hasMessageContaining("failures");
        assertThatThrownBy(() -> builder.negativeCacheSize(-1)).hasMessageContaining("negativeCacheSize");
    }

    @Test
    void theLocalFallbackHonoursItsKeyCap() {
        RateLimitPolicy policy = RateLimitPolicy.builder("capped")
                .limit(Limit.fixedWindow(10, Duration.ofHours(1)))
                .failurePolicy(FailurePolicy.localFallback(1.0))
                .build();
        try (RedisEngine unreachable = RedisEngine.builder(RedisURI.create("redis://127.0.0.1:1"))
                .maxFallbackKeys(100)
                .build()) {
            RateLimiter limiter = unreachable.limiter(policy);
            for (int i = 0; i < 1_000; i++) {
                assertThat(limiter.acquire("key-" + i).isDegraded()).isTrue();
            }

            assertThat(unreachable.fallbackKeyCount()).isLessThanOrEqualTo(100);
            assertThat(unreachable.fallbackEvictedKeys()).isGreaterThanOrEqualTo(900);
        }
        assertThatThrownBy(() -> RedisEngine.builder(RedisURI.create("redis://127.0.0.1:1"))
                        .maxFallbackKeys(0))
                .hasMessageContaining("maxFallbackKeys");
    }
}
