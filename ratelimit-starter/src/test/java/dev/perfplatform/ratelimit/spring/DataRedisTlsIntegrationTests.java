package dev.perfplatform.ratelimit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.testing.redis.RedisServerProcess;
import dev.perfplatform.testing.resp.RespClient;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The limiter's client takes TLS from the application's Spring Data Redis settings, SSL bundle included: against a
 * real redis-server whose self-signed certificate only the bundle trusts.
 */
class DataRedisTlsIntegrationTests {

    private static RedisServerProcess redis;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    SslAutoConfiguration.class, DataRedisAutoConfiguration.class, RateLimitAutoConfiguration.class))
            .withPropertyValues(
                    "spring.data.redis.host=127.0.0.1",
                    "spring.data.redis.port=" + redis.tlsPort(),
                    "ratelimit.policies.api.limits[0].algorithm=fixed-window",
                    "ratelimit.policies.api.limits[0].limit=1",
                    "ratelimit.policies.api.limits[0].window=1h");

    @BeforeAll
    static void startRedisWithTls() {
        redis = RedisServerProcess.standaloneWithTls();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void theSslBundlesTrustMaterialReachesTheLimitersClient() {
        runner.withPropertyValues(
                        "spring.ssl.bundle.pem.redis.truststore.certificate=file:" + redis.tlsCertificate(),
                        "spring.data.redis.ssl.bundle=redis",
                        "ratelimit.redis.key-prefix=tls:",
                        // the first decision waits for the TLS handshake and the script load: on a loaded machine
                        // they can take longer than the 100 ms default, which would make it degraded, not wrong
                        "ratelimit.redis.command-timeout=5s")
                .run(context -> {
                    RateLimiterRegistry registry = context.getBean(RateLimiterRegistry.class);
                    assertThat(registry.engine().kind()).isEqualTo("redis");
                    Decision first = registry.limiter("api").acquire("client");
                    Decision second = registry.limiter("api").acquire("client");
                    assertThat(first.isAllowed()).isTrue();
                    assertThat(first.isDegraded()).isFalse();
                    assertThat(second.isAllowed()).isFalse();
                    assertThat(second.isDegraded()).isFalse();
                });

        try (RespClient plain = redis.node(0).client()) {
            assertThat(plain.command("KEYS", "tls:*")).asList().isNotEmpty();
        }
    }

    @Test
    void withoutTheBundleTheJvmTrustStoreRejectsTheCertificate() {
        runner.withPropertyValues("spring.data.redis.ssl.enabled=true").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertThat(failure).isNotNull();
            assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause).isInstanceOf(SSLException.class));
        });
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
