package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.perfplatform.fluxpay.webhook.WebhookEvent.Subject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEventTests {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void aPaymentEventCarriesItsChangeNumberAndARefundEventNone() {
        assertThat(new WebhookEvent("payment.confirmed", Subject.PAYMENT, ID, 3, Map.of()).sequence())
                .isEqualTo(3);
        assertThat(new WebhookEvent("refund.succeeded", Subject.REFUND, ID, null, Map.of()).sequence())
                .isNull();
    }

    @Test
    void aTypeThisAppDoesNotSendIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookEvent("payment.paid", Subject.PAYMENT, ID, 1, Map.of()))
                .withMessage("not an event type this app sends: payment.paid");
    }

    @Test
    void theSequenceMustMatchTheSubject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookEvent("payment.confirmed", Subject.PAYMENT, ID, null, Map.of()))
                .withMessage("PAYMENT events need a sequence number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WebhookEvent("refund.failed", Subject.REFUND, ID, 1, Map.of()))
                .withMessage("REFUND events take no sequence number");
    }
}
