package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import dev.perfplatform.ratelimit.redis.RedisDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;

class RateLimitPropertiesTests {

    @Test
    void emptyPropertiesBindToTheCoreDefaults() {
        RateLimitProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("ratelimit", Bindable.of(RateLimitProperties.class));

        RateLimitProperties.Redis redis = properties.getRedis();
        assertThat(redis.getKeyPrefix()).isEqualTo(RedisDefaults.KEY_PREFIX);
        assertThat(redis.getCommandTimeout()).isEqualTo(RedisDefaults.COMMAND_TIMEOUT);
        assertThat(redis.getFailureThreshold()).isEqualTo(RedisDefaults.FAILURE_THRESHOLD);
        assertThat(redis.getOpenDuration()).isEqualTo(RedisDefaults.OPEN_DURATION);
        assertThat(redis.getNegativeCacheSize()).isEqualTo(RedisDefaults.NEGATIVE_CACHE_SIZE);
        assertThat(properties.getMemory().getMaxKeys()).isEqualTo(InMemoryEngine.DEFAULT_MAX_KEYS);
        assertThat(properties.getMemory().getSweepInterval()).isEqualTo(InMemoryEngine.DEFAULT_SWEEP_INTERVAL);
    }

    @Test
    void clusterTopologyRefreshBindsToTheCoreDefaultsAndAcceptsOverrides() {
        RateLimitProperties.Cluster defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("ratelimit", Bindable.of(RateLimitProperties.class))
                .getRedis()
                .getCluster();
        assertThat(defaults.getAdaptiveRefreshTimeout()).isEqualTo(RedisDefaults.CLUSTER_ADAPTIVE_REFRESH_TIMEOUT);
        assertThat(defaults.getPeriodicRefresh()).isEqualTo(RedisDefaults.CLUSTER_PERIODIC_REFRESH);
        assertThat(defaults.isDynamicRefreshSources()).isEqualTo(RedisDefaults.CLUSTER_DYNAMIC_REFRESH_SOURCES);

        RateLimitProperties.Cluster set = new Binder(new MapConfigurationPropertySource(Map.of(
                        "ratelimit.redis.cluster.adaptive-refresh-timeout", "500ms",
                        "ratelimit.redis.cluster.periodic-refresh", "0",
                        "ratelimit.redis.cluster.dynamic-refresh-sources", "false")))
                .bindOrCreate("ratelimit", Bindable.of(RateLimitProperties.class))
                .getRedis()
                .getCluster();
        assertThat(set.getAdaptiveRefreshTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(set.getPeriodicRefresh()).isZero();
        assertThat(set.isDynamicRefreshSources()).isFalse();
    }

    @Test
    void metadataShowsTheCoreClusterDefaults() throws IOException {
        DocumentContext metadata;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonPath.parse(json);
        }

        assertThat(duration(metadata, "ratelimit.redis.cluster.adaptive-refresh-timeout"))
                .isEqualTo(RedisDefaults.CLUSTER_ADAPTIVE_REFRESH_TIMEOUT);
        assertThat(duration(metadata, "ratelimit.redis.cluster.periodic-refresh"))
                .isEqualTo(RedisDefaults.CLUSTER_PERIODIC_REFRESH);
        assertThat(defaultOf(metadata, "ratelimit.redis.cluster.dynamic-refresh-sources"))
                .isEqualTo(RedisDefaults.CLUSTER_DYNAMIC_REFRESH_SOURCES);
    }

    /** The IDE hints are typed in additional metadata (the processor cannot read the core's constants): kept equal here. */
    @Test
    void metadataShowsTheCoreDefaults() throws IOException {
        DocumentContext metadata;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonPath.parse(json);
        }

        assertThat(defaultOf(metadata, "ratelimit.redis.key-prefix")).isEqualTo(RedisDefaults.KEY_PREFIX);
        assertThat(duration(metadata, "ratelimit.redis.command-timeout")).isEqualTo(RedisDefaults.COMMAND_TIMEOUT);
        assertThat(defaultOf(metadata, "ratelimit.redis.failure-threshold")).isEqualTo(RedisDefaults.FAILURE_THRESHOLD);
        assertThat(duration(metadata, "ratelimit.redis.open-duration")).isEqualTo(RedisDefaults.OPEN_DURATION);
        assertThat(defaultOf(metadata, "ratelimit.redis.negative-cache-size"))
                .isEqualTo(RedisDefaults.NEGATIVE_CACHE_SIZE);
        assertThat(defaultOf(metadata, "ratelimit.memory.max-keys")).isEqualTo(InMemoryEngine.DEFAULT_MAX_KEYS);
        assertThat(duration(metadata, "ratelimit.memory.sweep-interval"))
                .isEqualTo(InMemoryEngine.DEFAULT_SWEEP_INTERVAL);
    }

    private static Object defaultOf(DocumentContext metadata, String property) {
        List<Object> values = metadata.read("$.properties[?(@.name == '" + property + "')].defaultValue");
        assertThat(values).as(property).hasSize(1);
        return values.get(0);
    }

    private static Duration duration(DocumentContext metadata, String property) {
        return DurationStyle.detectAndParse((String) defaultOf(metadata, property));
    }
}
