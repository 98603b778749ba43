package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.payment.client.model.CreateRefundRequest;
import dev.perfplatform.payment.client.model.Refund;
import dev.perfplatform.payment.client.model.RefundStatus;
import dev.perfplatform.payment.client.model.WebhookDelivery;
import dev.perfplatform.payment.client.model.WebhookDeliveryListParams;
import dev.perfplatform.payment.client.model.WebhookDeliveryStatus;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefundsAndDeliveriesTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    @Test
    void refundsPartOfAPayment() throws Exception {
        server.data(201, Fixtures.REFUND);

        Outcome<Refund> outcome = server.client().refunds().create(new CreateRefundRequest("pay_1", 5_000, "damaged"));

        RecordedRequest sent = server.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/refunds");
        assertThat(sent.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(sent.getBody().utf8()).isEqualTo("{\"paymentId\":\"pay_1\",\"amount\":5000,\"reason\":\"damaged\"}");
        assertThat(outcome.completed().status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(outcome.completed().amount()).isEqualTo(5_000);
    }

    @Test
    void aRefundAnswered202IsUnknownAndNotRetried() {
        server.data(202, Fixtures.REFUND_UNKNOWN);

        Outcome<Refund> outcome = server.client().refunds().create(new CreateRefundRequest("pay_1", 5_000, "damaged"));

        assertThat(outcome.isUnknown()).isTrue();
        assertThat(outcome.resource().status()).isEqualTo(RefundStatus.UNKNOWN);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void readsARefundAndListsThoseOfAPayment() throws Exception {
        server.data(200, Fixtures.REFUND).data(200, "[" + Fixtures.REFUND + "," + Fixtures.REFUND_UNKNOWN + "]");

        assertThat(server.client().refunds().get("ref_1").reason()).isEqualTo("damaged");
        List<Refund> refunds = server.client().refunds().listForPayment("pay_1");

        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v1/refunds/ref_1");
        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v1/payments/pay_1/refunds");
        assertThat(refunds).extracting(Refund::status).containsExactly(RefundStatus.SUCCEEDED, RefundStatus.UNKNOWN);
    }

    @Test
    void listsDeliveryAttemptsWithTheirFilters() throws Exception {
        server.data(200, Fixtures.page(Fixtures.DELIVERY, false, null));

        Page<WebhookDelivery> page = server.client()
                .webhookDeliveries()
                .list(WebhookDeliveryListParams.forEvent("msg_1")
                        .withStatus(WebhookDeliveryStatus.FAILED)
                        .withLimit(10));

        RecordedRequest sent = server.take();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/webhook-deliveries");
        assertThat(sent.getUrl().queryParameter("eventId")).isEqualTo("msg_1");
        assertThat(sent.getUrl().queryParameter("status")).isEqualTo("FAILED");
        assertThat(sent.getUrl().queryParameter("limit")).isEqualTo("10");
        assertThat(page.items()).singleElement().satisfies(delivery -> {
            assertThat(delivery.attempt()).isEqualTo(2);
            assertThat(delivery.responseStatus()).isEqualTo(500);
            assertThat(delivery.status()).isEqualTo(WebhookDeliveryStatus.FAILED);
        });
    }

    @Test
    void autoPagesDeliveriesAndReplaysOne() throws Exception {
        server.data(200, Fixtures.page(Fixtures.DELIVERY, true, "dlv_1"))
                .data(200, Fixtures.page(Fixtures.DELIVERY.replace("dlv_1", "dlv_2"), false, null))
                .data(202, Fixtures.DELIVERY.replace("dlv_1", "dlv_3").replace("FAILED", "PENDING"));

        assertThat(server.client().webhookDeliveries().listAutoPaging(WebhookDeliveryListParams.all()))
                .extracting(WebhookDelivery::deliveryId)
                .containsExactly("dlv_1", "dlv_2");
        WebhookDelivery replay = server.client().webhookDeliveries().replay("dlv_1");

        server.take();
        assertThat(server.take().getUrl().queryParameter("startingAfter")).isEqualTo("dlv_1");
        RecordedRequest sent = server.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/webhook-deliveries/dlv_1/replay");
        assertThat(replay.status()).isEqualTo(WebhookDeliveryStatus.PENDING);
    }

    @Test
    void readsTheEnginesDeliveringAndDisabledStatusesByName() {
        server.data(200, Fixtures.DELIVERY.replace("FAILED", "DELIVERING"))
                .data(200, Fixtures.DELIVERY.replace("FAILED", "DISABLED"))
                .data(200, Fixtures.DELIVERY.replace("FAILED", "SOMETHING_NEWER"));

        assertThat(server.client().webhookDeliveries().replay("dlv_1").status())
                .isEqualTo(WebhookDeliveryStatus.DELIVERING);
        assertThat(server.client().webhookDeliveries().replay("dlv_1").status())
                .isEqualTo(WebhookDeliveryStatus.DISABLED);
        assertThat(server.client().webhookDeliveries().replay("dlv_1").status())
                .isEqualTo(WebhookDeliveryStatus.UNRECOGNIZED);
    }
}
