package dev.perfplatform.examples.ratelimit.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.testing.redis.RedisEndpoint;
import dev.perfplatform.testing.redis.RedisTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example on real Tomcat and real Redis: a burst beyond the bucket gets a 429 with its headers. */
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
    void aBurstBeyondTwentyGetsA429WithRetryAfterAndRateLimitHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/greeting"))
                .timeout(java.time.Duration.ofSeconds(20)) // a lost response fails the test instead of hanging it
                .build();
        // The bucket refills at 10/s while the burst is sent, so count admissions until the first denial.
        int admitted = 0;
        HttpResponse<String> response = null;
        while (admitted < 200) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                break;
            }
            admitted++;
        }

        assertThat(admitted).isBetween(20, 199);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"api-0\";q=20;w=2");
        assertThat(response.headers().firstValue("RateLimit")).hasValue("\"api-0\";r=0;t=1");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
