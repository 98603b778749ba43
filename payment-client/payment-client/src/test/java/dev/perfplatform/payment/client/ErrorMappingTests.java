package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorMappingTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    @Test
    void unauthorizedIsAnAuthenticationErrorAndNotRetried() {
        server.error(401, ErrorCodes.AUTHENTICATION_FAILED, "invalid API key");

        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.requestId()).isEqualTo("trace-err");
                });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void rateLimitedToTheEndIsARateLimitedErrorWithTheLastRetryAfter() {
        server.error(429, ErrorCodes.RATE_LIMITED, "1", "slow down")
                .error(429, ErrorCodes.RATE_LIMITED, "1", "slow down")
                .error(429, ErrorCodes.RATE_LIMITED, "7", "slow down");

        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.code()).isEqualTo(ErrorCodes.RATE_LIMITED);
                });
        assertThat(server.time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void anAnswerWithoutAnEnvelopeKeepsItsStatusWithoutACode() {
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "text/html")
                .body("<html>not found</html>")
                .build());

        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isInstanceOfSatisfying(FluxPayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isNull();
                    assertThat(e.requestId()).startsWith("req_");
                    assertThat(e.getMessage()).startsWith("HTTP 404 [request req_");
                });
    }

    @Test
    void anUnreadableSuccessIsAFluxPayExceptionNotAnUncheckedJacksonOne() {
        server.data(200, "{\"orderId\":\"ord_1\"}").data(200, "null");

        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isExactlyInstanceOf(FluxPayException.class)
                .hasMessageStartingWith("unreadable answer (HTTP 200) to orders.get");
        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isExactlyInstanceOf(FluxPayException.class)
                .hasRootCauseMessage("the envelope has no data");
    }

    @Test
    void anErrorEnvelopeUnderA200IsStillAnError() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"success\":false,\"error\":{\"code\":\"ORD_003\",\"message\":\"invalid transition\"}}")
                .build());

        assertThatThrownBy(() -> server.client().orders().cancel("ord_1"))
                .isInstanceOfSatisfying(
                        FluxPayApiException.class, e -> assertThat(e.code()).isEqualTo("ORD_003"));
    }

    @Test
    void doesNotFollowRedirects() {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://elsewhere.invalid/")
                .build());

        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isInstanceOfSatisfying(
                        FluxPayApiException.class, e -> assertThat(e.status()).isEqualTo(302));
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
