package dev.perfplatform.examples.ratelimit.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The example on real Redis: the 21st request of a burst gets a 429 with its headers. */
@RedisTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExampleApplicationIntegrationTests {

    private static RedisEndpoint redis;

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void redis(RedisEndpoint endpoint) {
        redis = endpoint;
    }

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("ratelimit.redis.url", () -> redis.uri());
        registry.add("ratelimit.redis.key-prefix", () -> redis.keyPrefix());
    }

    @Test
    void aBurstBeyondTwentyGetsA429WithRetryAfterAndRateLimitHeaders() {
        WebTestClient client =
                WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        // The bucket refills at 10/s while the burst is sent, so count admissions until the first denial.
        int admitted = 0;
        EntityExchangeResult<String> response = null;
        while (admitted < 200) {
            response = client.get()
                    .uri("/api/greeting")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            if (response.getStatus() != HttpStatus.OK) {
                break;
            }
            admitted++;
        }

        assertThat(admitted).isBetween(20, 199);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        HttpHeaders headers = response.getResponseHeaders();
        assertThat(headers.getFirst("Retry-After")).isEqualTo("1");
        assertThat(headers.getFirst("RateLimit-Policy")).isEqualTo("\"api-0\";q=20;w=2");
        assertThat(headers.getFirst("RateLimit")).isEqualTo("\"api-0\";r=0;t=1");
        assertThat(headers.getContentType()).hasToString("application/problem+json");
    }
}
