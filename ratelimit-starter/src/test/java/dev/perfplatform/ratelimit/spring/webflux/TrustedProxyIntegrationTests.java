package dev.perfplatform.ratelimit.spring.webflux;

import dev.perfplatform.ratelimit.spring.RedisBackedApplicationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind a trusted proxy (the test client on 127.0.0.1 plays it): each forwarded client has its own bucket, a value
 * the client prepended is ignored, and both header styles are written.
 */
@SpringBootTest(
        classes = WebFluxTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "ratelimit.engine=redis",
            "ratelimit.client-ip.trusted-proxies=127.0.0.1,::1",
            "ratelimit.headers.style=both",
            "ratelimit.policies.api.paths=/api/**",
            "ratelimit.policies.api.limits[0].algorithm=fixed-window",
            "ratelimit.policies.api.limits[0].limit=1",
            "ratelimit.policies.api.limits[0].window=1h",
            "ratelimit.policies.annotated.filter=false",
            "ratelimit.policies.annotated.limits[0].algorithm=fixed-window",
            "ratelimit.policies.annotated.limits[0].limit=1",
            "ratelimit.policies.annotated.limits[0].window=1h"
        })
class TrustedProxyIntegrationTests extends RedisBackedApplicationTestBase {

    private WebTestClient.ResponseSpec get(String forwardedFor) {
        return TestClients.to(port)
                .get()
                .uri("/api/hello")
                .header("X-Forwarded-For", forwardedFor)
                .exchange();
    }

    @Test
    void eachForwardedClientHasItsOwnBucket() {
        get("198.51.100.10").expectStatus().isOk();
        get("198.51.100.11").expectStatus().isOk();

        get("198.51.100.10").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aValueTheClientPrependedIsIgnored() {
        get("203.0.113.50").expectStatus().isOk();

        // The client claims to be someone else; the proxy appended the real address.
        get("192.0.2.1, 203.0.113.50").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aLineTheProxyAddedKeysTheRealClientWhateverTheClientsOwnLineSays() {
        // Two header lines, as behind HAProxy: the client's own, then the one the proxy added.
        getWithTwoLines("192.0.2.1", "203.0.113.60").expectStatus().isOk();

        getWithTwoLines("192.0.2.2", "203.0.113.60").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    private WebTestClient.ResponseSpec getWithTwoLines(String clientsLine, String proxysLine) {
        return TestClients.to(port)
                .get()
                .uri("/api/hello")
                .header("X-Forwarded-For", clientsLine, proxysLine)
                .exchange();
    }

    @Test
    void writesBothHeaderStyles() {
        get("198.51.100.77")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"api\";q=1;w=3600")
                .expectHeader()
                .valueEquals("X-RateLimit-Limit", "1")
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader()
                .exists("X-RateLimit-Reset");
    }
}
