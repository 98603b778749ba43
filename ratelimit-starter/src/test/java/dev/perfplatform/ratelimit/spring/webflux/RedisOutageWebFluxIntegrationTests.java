package dev.perfplatform.ratelimit.spring.webflux;

import dev.perfplatform.testing.redis.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Redis killed under a running application: it keeps answering, each policy as its failure policy says. */
@SpringBootTest(
        classes = WebFluxTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "ratelimit.engine=redis",
            "ratelimit.redis.command-timeout=200ms",
            "ratelimit.redis.failure-threshold=2",
            "ratelimit.policies.open.paths=/api/**",
            "ratelimit.policies.open.limits[0].algorithm=fixed-window",
            "ratelimit.policies.open.limits[0].limit=1000",
            "ratelimit.policies.open.limits[0].window=1h",
            "ratelimit.policies.closed.paths=/spoof/**",
            "ratelimit.policies.closed.failure=closed",
            "ratelimit.policies.closed.limits[0].algorithm=fixed-window",
            "ratelimit.policies.closed.limits[0].limit=1000",
            "ratelimit.policies.closed.limits[0].window=1h",
            "ratelimit.policies.annotated.filter=false",
            "ratelimit.policies.annotated.limits[0].algorithm=fixed-window",
            "ratelimit.policies.annotated.limits[0].limit=1",
            "ratelimit.policies.annotated.limits[0].window=1h"
        })
class RedisOutageWebFluxIntegrationTests {

    private static final RedisServerProcess REDIS = RedisServerProcess.standalone();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("ratelimit.redis.url", REDIS::uri);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void keepsAnsweringPerFailurePolicyWhileRedisIsDown() {
        WebTestClient client = TestClients.to(port);
        client.get()
                .uri("/api/hello")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("RateLimit");
        client.get().uri("/spoof/hello").exchange().expectStatus().isOk();

        REDIS.node(0).kill();

        for (int i = 0; i < 5; i++) {
            client.get()
                    .uri("/api/hello")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist("RateLimit"); // fail open: no limit was evaluated, so no figures to report
            client.get()
                    .uri("/spoof/hello")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader()
                    .exists("Retry-After");
        }

        REDIS.node(0).restart();
    }
}
