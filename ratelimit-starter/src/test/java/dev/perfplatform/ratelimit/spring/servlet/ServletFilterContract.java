package dev.perfplatform.ratelimit.spring.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.spring.RedisBackedApplicationTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** What the servlet filter must do on real Tomcat and real Redis, whatever the forward-headers strategy. */
@TestPropertySource(
        properties = {
            "ratelimit.engine=redis",
            "ratelimit.policies.api.paths=/api/**",
            "ratelimit.policies.api.limits[0].algorithm=fixed-window",
            "ratelimit.policies.api.limits[0].limit=3",
            "ratelimit.policies.api.limits[0].window=1h",
            "ratelimit.policies.spoof.paths=/spoof/**",
            "ratelimit.policies.spoof.limits[0].algorithm=token-bucket",
            "ratelimit.policies.spoof.limits[0].limit=2",
            "ratelimit.policies.spoof.limits[0].window=1h",
            "ratelimit.policies.annotated.filter=false",
            "ratelimit.policies.annotated.limits[0].algorithm=fixed-window",
            "ratelimit.policies.annotated.limits[0].limit=1",
            "ratelimit.policies.annotated.limits[0].window=1h"
        })
abstract class ServletFilterContract extends RedisBackedApplicationTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deniesTheFourthRequestWithHonestHeadersAndAProblemBody() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> ok = get("/api/hello");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("\"api\";q=3;w=3600");
            assertThat(ok.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"api\";r=" + (3 - i) + ";t=");
        }

        HttpResponse<String> denied = get("/api/hello");

        assertThat(denied.statusCode()).isEqualTo(429);
        String retryAfter = denied.headers().firstValue("Retry-After").orElseThrow();
        assertThat(denied.headers().firstValue("RateLimit")).hasValue("\"api\";r=0;t=" + retryAfter);
        assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(denied.body()).contains("\"status\":429", "quota-exceeded");
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNothing() throws Exception {
        assertThat(get("/spoof/hello", "X-Forwarded-For", "198.51.100.1").statusCode())
                .isEqualTo(200);
        assertThat(get("/spoof/hello", "X-Forwarded-For", "198.51.100.2", "Forwarded", "for=198.51.100.2")
                        .statusCode())
                .isEqualTo(200);

        assertThat(get("/spoof/hello", "X-Forwarded-For", "198.51.100.3").statusCode())
                .isEqualTo(429);
    }

    @Test
    void rateLimitedMethodsGetTheirPolicyWhateverItsPaths() throws Exception {
        HttpResponse<String> first = get("/annotated/hello");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"annotated\";q=1;w=3600");

        HttpResponse<String> second = get("/annotated/hello");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void pathsOutsideEveryPolicyCarryNoHeaders() throws Exception {
        HttpResponse<String> response = get("/open/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit")).isEmpty();
    }
}
