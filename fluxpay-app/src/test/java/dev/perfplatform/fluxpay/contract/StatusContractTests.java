package dev.perfplatform.fluxpay.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every status the engine can answer with is one payment-client knows by name, so none reaches a merchant as UNRECOGNIZED. */
class StatusContractTests {

    @Test
    void theClientKnowsEveryPaymentStatus() {
        assertThat(names(dev.perfplatform.payment.client.model.PaymentStatus.values()))
                .contains(names(dev.perfplatform.fluxpay.payment.PaymentStatus.values()));
    }

    @Test
    void theClientKnowsEveryRefundStatus() {
        assertThat(names(dev.perfplatform.payment.client.model.RefundStatus.values()))
                .contains(names(dev.perfplatform.fluxpay.refund.RefundStatus.values()));
    }

    @Test
    void theClientKnowsEveryOrderStatus() {
        assertThat(names(dev.perfplatform.payment.client.model.OrderStatus.values()))
                .contains(names(dev.perfplatform.fluxpay.order.OrderStatus.values()));
    }

    @Test
    void theClientKnowsEveryWebhookDeliveryStatus() {
        assertThat(names(dev.perfplatform.payment.client.model.WebhookDeliveryStatus.values()))
                .contains(names(dev.perfplatform.fluxpay.webhook.WebhookDeliveryStatus.values()));
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
