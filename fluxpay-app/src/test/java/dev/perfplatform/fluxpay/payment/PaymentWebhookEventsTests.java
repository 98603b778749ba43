package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentWebhookEventsTests {

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
        assertThat(PaymentWebhookEvents.typeOf(status)).isEqualTo(type);
    }
}
