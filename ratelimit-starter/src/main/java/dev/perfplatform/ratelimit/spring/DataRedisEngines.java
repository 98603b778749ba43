package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.redis.RedisEngine;
import io.lettuce.core.RedisURI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * The limiter's own Lettuce client built from the application's Spring Data Redis connection details (host,
 * credentials, TLS, Sentinel or Cluster), so users never repeat their Redis settings. With an SSL bundle, TLS is
 * switched on with the JVM's default trust store (the bundle's own trust material is not applied yet). Loaded only
 * when Boot's data-redis module and Lettuce are present.
 */
final class DataRedisEngines {

    private DataRedisEngines() {}

    static boolean isConfigured(ListableBeanFactory beans) {
        return beans.getBeanNamesForType(DataRedisConnectionDetails.class).length > 0;
    }

    static RateLimiterEngine fromConnectionDetails(
            ListableBeanFactory beans, RateLimitProperties.Redis redis, StoreListener listener) {
        DataRedisConnectionDetails details = beans.getBean(DataRedisConnectionDetails.class);
        DataRedisConnectionDetails.Cluster cluster = details.getCluster();
        if (cluster != null) {
            List<RedisURI> nodes = cluster.getNodes().stream()
                    .map(node -> uri(
                            details, RedisURI.builder().withHost(node.host()).withPort(node.port())))
                    .toList();
            return RedisEngines.configure(RedisEngine.builderForCluster(nodes), redis, listener)
                    .build();
        }
        RedisURI.Builder builder;
        DataRedisConnectionDetails.Sentinel sentinel = details.getSentinel();
        if (sentinel != null) {
            builder = RedisURI.builder()
                    .withSentinelMasterId(sentinel.getMaster())
                    .withDatabase(sentinel.getDatabase());
            for (DataRedisConnectionDetails.Node node : sentinel.getNodes()) {
                builder.withSentinel(node.host(), node.port());
            }
        } else {
            DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
            if (standalone == null) {
                throw new InvalidRateLimitConfigurationException(
                        "spring.data.redis", "no standalone, Sentinel or Cluster connection is configured");
            }
            builder = RedisURI.builder()
                    .withHost(standalone.getHost())
                    .withPort(standalone.getPort())
                    .withDatabase(standalone.getDatabase());
        }
        return RedisEngines.fromUri(uri(details, builder), redis, listener);
    }

    private static RedisURI uri(DataRedisConnectionDetails details, RedisURI.Builder builder) {
        @Nullable String password = details.getPassword();
        @Nullable String username = details.getUsername();
        if (password != null) {
            if (username != null) {
                builder.withAuthentication(username, password);
            } else {
                builder.withPassword(password.toCharArray());
            }
        }
        if (details.getSslBundle() != null) {
            builder.withSsl(true);
        }
        return builder.build();
    }
}
