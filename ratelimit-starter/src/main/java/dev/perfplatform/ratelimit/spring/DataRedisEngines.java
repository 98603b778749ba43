package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.StoreListener;
import dev.perfplatform.ratelimit.redis.RedisEngine;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslManagerBundle;

/**
 * The limiter's own Lettuce client built from the application's Spring Data Redis connection details (host,
 * credentials, TLS, Sentinel or Cluster), so users never repeat their Redis settings. With an SSL bundle
 * ({@code spring.data.redis.ssl.bundle}), the limiter's client uses the bundle's trust and key material, protocols and
 * ciphers; on a Cluster, it follows topology changes as {@code ratelimit.redis.cluster.*} says. Loaded only when Boot's
 * data-redis module and Lettuce are present.
 */
final class DataRedisEngines {

    private DataRedisEngines() {}

    static boolean isConfigured(ListableBeanFactory beans) {
        return beans.getBeanNamesForType(DataRedisConnectionDetails.class).length > 0;
    }

    static RateLimiterEngine fromConnectionDetails(
            ListableBeanFactory beans, RateLimitProperties properties, StoreListener listener) {
        DataRedisConnectionDetails details = beans.getBean(DataRedisConnectionDetails.class);
        DataRedisConnectionDetails.Cluster cluster = details.getCluster();
        if (cluster != null) {
            List<RedisURI> nodes = cluster.getNodes().stream()
                    .map(node -> uri(
                            details, RedisURI.builder().withHost(node.host()).withPort(node.port())))
                    .toList();
            return build(
                    clusterTopology(RedisEngine.builderForCluster(nodes), properties), details, properties, listener);
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
        return build(RedisEngine.builder(uri(details, builder)), details, properties, listener);
    }

    private static RedisEngine.Builder clusterTopology(RedisEngine.Builder engine, RateLimitProperties properties) {
        RateLimitProperties.Cluster cluster = properties.getRedis().getCluster();
        try {
            return engine.clusterTopologyRefresh(cluster.getAdaptiveRefreshTimeout(), cluster.getPeriodicRefresh())
                    .clusterDynamicRefreshSources(cluster.isDynamicRefreshSources());
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException("ratelimit.redis.cluster", e.getMessage());
        }
    }

    private static RateLimiterEngine build(
            RedisEngine.Builder engine,
            DataRedisConnectionDetails details,
            RateLimitProperties properties,
            StoreListener listener) {
        SslBundle bundle = details.getSslBundle();
        if (bundle != null) {
            engine.sslOptions(sslOptions(bundle));
        }
        return RedisEngines.configure(engine, properties, listener).build();
    }

    private static SslOptions sslOptions(SslBundle bundle) {
        SslManagerBundle managers = bundle.getManagers();
        SslOptions.Builder ssl = SslOptions.builder()
                .jdkSslProvider()
                .keyManager(managers.getKeyManagerFactory())
                .trustManager(managers.getTrustManagerFactory());
        org.springframework.boot.ssl.SslOptions options = bundle.getOptions();
        if (options.getCiphers() != null) {
            ssl.cipherSuites(options.getCiphers());
        }
        if (options.getEnabledProtocols() != null) {
            ssl.protocols(options.getEnabledProtocols());
        }
        return ssl.build();
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
