package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.payment.PaymentStatus;
import dev.perfplatform.fluxpay.refund.RefundStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookEventMappingTests {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "READY, none",
                "IN_PROGRESS, none",
                "DONE, payment.confirmed",
                "ABORTED, payment.failed",
                "EXPIRED, payment.failed",
                "UNKNOWN, payment.unknown",
                "CANCELED, payment.canceled",
                "PARTIAL_CANCELED, payment.partially_canceled",
                "NEEDS_ATTENTION, none"
            })
    void mapsEveryPaymentStatus(PaymentStatus status, String type) {
        assertThat(WebhookEventMapping.forPayment(status)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {"PENDING, none", "SUCCEEDED, refund.succeeded", "FAILED, refund.failed", "UNKNOWN, none"})
    void mapsEveryRefundStatus(RefundStatus status, String type) {
        assertThat(WebhookEventMapping.forRefund(status)).isEqualTo(type);
    }
}
