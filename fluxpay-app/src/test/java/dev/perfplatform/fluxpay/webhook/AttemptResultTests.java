package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptResultTests {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "200, DELIVERED, none",
                "204, DELIVERED, none",
                "299, DELIVERED, none",
                "410, GONE, HTTP 410: the endpoint is gone and is now disabled",
                "301, FAILED, HTTP 301: redirects are not followed",
                "302, FAILED, HTTP 302: redirects are not followed",
                "308, FAILED, HTTP 308: redirects are not followed",
                "404, FAILED, HTTP 404",
                "429, FAILED, HTTP 429",
                "500, FAILED, HTTP 500"
            })
    void classifiesEveryAnswer(int status, AttemptResult.Kind kind, String error) {
        AttemptResult result = AttemptResult.answered(status, Duration.ofMillis(3));

        assertThat(result.kind()).isEqualTo(kind);
        assertThat(result.responseStatus()).isEqualTo(status);
        assertThat(result.error()).isEqualTo(error);
    }

    @org.junit.jupiter.api.Test
    void keepsLongErrorsShort() {
        assertThat(AttemptResult.failed("x".repeat(2000), Duration.ZERO).error())
                .hasSize(500);
    }
}
