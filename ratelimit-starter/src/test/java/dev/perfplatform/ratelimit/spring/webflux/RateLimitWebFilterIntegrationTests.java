package dev.perfplatform.ratelimit.spring.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.spring.RedisBackedApplicationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real WebFlux server on Reactor Netty with the Redis engine on real Redis. Reactor Netty is told to believe
 * X-Forwarded-For from anyone ({@code server.forward-headers-strategy=native}); the limiter still keys by the
 * connection's peer, since no proxy is trusted.
 */
@SpringBootTest(
        classes = WebFluxTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "server.forward-headers-strategy=native",
            "ratelimit.engine=redis",
            "ratelimit.policies.api.paths=/api/**",
            "ratelimit.policies.api.limits[0].algorithm=fixed-window",
            "ratelimit.policies.api.limits[0].limit=3",
            "ratelimit.policies.api.limits[0].window=1h",
            "ratelimit.policies.spoof.paths=/spoof/**",
            "ratelimit.policies.spoof.limits[0].algorithm=token-bucket",
            "ratelimit.policies.spoof.limits[0].limit=2",
            "ratelimit.policies.spoof.limits[0].window=1h",
            "ratelimit.policies.shadowed.paths=/shadow/**",
            "ratelimit.policies.shadowed.shadow=true",
            "ratelimit.policies.shadowed.limits[0].algorithm=sliding-window-log",
            "ratelimit.policies.shadowed.limits[0].limit=1",
            "ratelimit.policies.shadowed.limits[0].window=1h",
            "ratelimit.policies.annotated.filter=false",
            "ratelimit.policies.annotated.limits[0].algorithm=fixed-window",
            "ratelimit.policies.annotated.limits[0].limit=1",
            "ratelimit.policies.annotated.limits[0].window=1h"
        })
class RateLimitWebFilterIntegrationTests extends RedisBackedApplicationTestBase {

    private WebTestClient client() {
        return TestClients.to(port);
    }

    @Test
    void deniesTheFourthRequestWithHonestHeadersAndAProblemBody() {
        for (int i = 1; i <= 3; i++) {
            client().get()
                    .uri("/api/hello")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Policy", "\"api\";q=3;w=3600")
                    .expectHeader()
                    .valueMatches("RateLimit", "\"api\";r=" + (3 - i) + ";t=\\d+");
        }

        EntityExchangeResult<String> denied = client().get()
                .uri("/api/hello")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody(String.class)
                .returnResult();

        long retryAfter = Long.parseLong(denied.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(denied.getResponseHeaders().getFirst("RateLimit")).isEqualTo("\"api\";r=0;t=" + retryAfter);
        assertThat(denied.getResponseBody())
                .contains("\"status\":429", "quota-exceeded", "\"violated-policies\":[\"api\"]");
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() {
        for (String spoofed : new String[] {"198.51.100.1", "198.51.100.2"}) {
            client().get()
                    .uri("/spoof/hello")
                    .header("X-Forwarded-For", spoofed)
                    .header("Forwarded", "for=" + spoofed)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        client().get()
                .uri("/spoof/hello")
                .header("X-Forwarded-For", "198.51.100.3")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void rateLimitedMethodsGetTheirPolicyWhateverItsPaths() {
        client().get()
                .uri("/annotated/hello")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"annotated\";q=1;w=3600");
        client().get()
                .uri("/annotated/hello")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .exists("Retry-After");
    }

    @Test
    void shadowModeNeverDenies() {
        for (int i = 0; i < 5; i++) {
            client().get().uri("/shadow/hello").exchange().expectStatus().isOk();
        }
    }

    @Test
    void pathsOutsideEveryPolicyCarryNoHeaders() {
        client().get()
                .uri("/open/hello")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("RateLimit");
    }
}
