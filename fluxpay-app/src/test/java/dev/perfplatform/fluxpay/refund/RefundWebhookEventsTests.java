package dev.perfplatform.fluxpay.refund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefundWebhookEventsTests {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {"PENDING, none", "SUCCEEDED, refund.succeeded", "FAILED, refund.failed", "UNKNOWN, none"})
    void mapsEveryRefundStatus(RefundStatus status, String type) {
        assertThat(RefundWebhookEvents.typeOf(status)).isEqualTo(type);
    }
}
