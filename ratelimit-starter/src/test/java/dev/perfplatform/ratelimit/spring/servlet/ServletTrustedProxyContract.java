package dev.perfplatform.ratelimit.spring.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.spring.RedisBackedApplicationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted proxy (the test client on 127.0.0.1 plays it) that adds its own {@code X-Forwarded-For} line, as
 * HAProxy does: the lines count as one comma-joined header, so the client's own line cannot choose its key.
 */
@TestPropertySource(
        properties = {
            "ratelimit.engine=redis",
            "ratelimit.client-ip.trusted-proxies=127.0.0.1,::1",
            "ratelimit.policies.api.paths=/api/**",
            "ratelimit.policies.api.limits[0].algorithm=fixed-window",
            "ratelimit.policies.api.limits[0].limit=5",
            "ratelimit.policies.api.limits[0].window=1h",
            "ratelimit.policies.annotated.filter=false",
            "ratelimit.policies.annotated.limits[0].algorithm=fixed-window",
            "ratelimit.policies.annotated.limits[0].limit=1",
            "ratelimit.policies.annotated.limits[0].window=1h"
        })
abstract class ServletTrustedProxyContract extends RedisBackedApplicationTestBase {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aLineTheProxyAddedKeysTheRealClientWhateverTheClientsOwnLineSays() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(getWithTwoLines("198.51.100." + i, "203.0.113.70")).isEqualTo(200);
        }

        assertThat(getWithTwoLines("198.51.100.6", "203.0.113.70")).isEqualTo(429);
    }

    private int getWithTwoLines(String clientsLine, String proxysLine) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hello"))
                .header("X-Forwarded-For", clientsLine)
                .header("X-Forwarded-For", proxysLine)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
