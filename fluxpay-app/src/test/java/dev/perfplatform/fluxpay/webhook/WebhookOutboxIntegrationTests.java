package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.payment.client.webhook.WebhookEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The outbox's invariant (I5): every status change merchants hear about has exactly one event, in the same
 * transaction, and nothing else has one; the scheduled worker then delivers each event to the merchant exactly once.
 */
@TestPropertySource(properties = "fluxpay.webhooks.poll-interval=100ms")
class WebhookOutboxIntegrationTests extends WebhookIntegrationTestBase {

    private static final String EXPECTED_TYPE = """
            CASE pe.to_status WHEN 'DONE' THEN 'payment.confirmed' WHEN 'ABORTED' THEN 'payment.failed'
                              WHEN 'EXPIRED' THEN 'payment.failed' WHEN 'UNKNOWN' THEN 'payment.unknown'
                              WHEN 'CANCELED' THEN 'payment.canceled'
                              WHEN 'PARTIAL_CANCELED' THEN 'payment.partially_canceled' END""";

    @Test
    void everyMappedStateChangeHasExactlyOneEventDeliveredOnce() throws Exception {
        merchant.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).build();
            }
        });
        JsonNode refunded = paidPayment(9900);
        assertThat(refund(refunded, 4000).statusCode()).isEqualTo(201);
        assertThat(refund(refunded, 5900).statusCode()).isEqualTo(201);
        JsonNode refusedRefund = paidPayment(5000);
        // the PG's webhook about the approval is processed before the PG's balance changes behind the engine's back:
        // processed after, it would record that change as a cancel made outside the engine, and the refund would fit
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM pg_webhook_receipts WHERE status <> 'RECEIVED'"
                                + " AND payment_key = '"
                                + refusedRefund.get("paymentKey").asString() + "'")
                        > 0);
        update("UPDATE sim_payments SET balance_amount = balance_amount - 1 WHERE order_id = '"
                + paymentId(refusedRefund) + "'");
        assertThat(body(refund(refusedRefund, 1000)).get("data").get("status").asString())
                .isEqualTo("FAILED");
        JsonNode declined = createPayment(3000);
        assertThat(confirm(declined, checkout(declined, "DECLINE"), 3000).statusCode())
                .isEqualTo(402);
        JsonNode unknown = createPayment(4000);
        assertThat(confirm(unknown, checkout(unknown, "ERROR"), 4000).statusCode())
                .isEqualTo(202);

        assertThat(count("SELECT count(*) FROM payment_events pe WHERE (" + EXPECTED_TYPE + ") IS NOT NULL"
                        + " AND (SELECT count(*) FROM webhook_events we WHERE we.payment_id = pe.payment_id"
                        + " AND we.payment_seq = pe.seq AND we.type = " + EXPECTED_TYPE + ") <> 1"))
                .as("mapped payment changes without exactly one event")
                .isZero();
        assertThat(count("SELECT count(*) FROM webhook_events we JOIN payment_events pe"
                        + " ON pe.payment_id = we.payment_id AND pe.seq = we.payment_seq"
                        + " WHERE we.type IS DISTINCT FROM " + EXPECTED_TYPE))
                .as("payment events of unmapped changes, or of the wrong type")
                .isZero();
        assertThat(count("""
                        SELECT count(*) FROM refunds r
                        WHERE (SELECT count(*) FROM webhook_events we WHERE we.refund_id = r.id)
                              <> CASE WHEN r.status IN ('SUCCEEDED', 'FAILED') THEN 1 ELSE 0 END
                           OR EXISTS (SELECT 1 FROM webhook_events we WHERE we.refund_id = r.id
                                      AND we.type <> 'refund.' || lower(r.status))"""))
                .as("refunds without exactly one event of their outcome")
                .isZero();
        assertThat(text("SELECT string_agg(type, ',' ORDER BY type) FROM (SELECT DISTINCT type FROM webhook_events) t"))
                .isEqualTo("payment.canceled,payment.confirmed,payment.failed,payment.partially_canceled,"
                        + "payment.unknown,refund.failed,refund.succeeded");
        assertThat(count("SELECT count(*) FROM webhook_events we WHERE (SELECT count(*) FROM webhook_deliveries d"
                        + " WHERE d.event_id = we.id) <> 1"))
                .as("events without exactly one delivery")
                .isZero();

        long events = count("SELECT count(*) FROM webhook_events");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM webhook_deliveries WHERE status = 'SUCCEEDED'") == events);
        List<String> received = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            WebhookEvent event = verified(merchant.takeRequest());
            received.add(event.webhookId());
        }
        Set<String> stored = new HashSet<>();
        for (String id : text("SELECT string_agg(id, ',') FROM webhook_events").split(",")) {
            stored.add(id);
        }
        assertThat(received).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
        assertThat(merchant.getRequestCount()).isEqualTo((int) events);
    }

    @Test
    void aMerchantWithoutAWebhookUrlGetsNoRows() throws Exception {
        update("UPDATE merchants SET webhook_url = NULL WHERE " + BOOTSTRAP_MERCHANT);

        JsonNode payment = paidPayment(1000);
        refund(payment, 1000);

        assertThat(count("SELECT count(*) FROM webhook_events WHERE payment_id = '" + paymentId(payment)
                        + "' OR refund_id IN (SELECT id FROM refunds WHERE payment_id = '" + paymentId(payment)
                        + "')"))
                .isZero();
        assertThat(text("SELECT string_agg(to_status, ',' ORDER BY seq) FROM payment_events WHERE payment_id = '"
                        + paymentId(payment) + "'"))
                .as("the changes themselves are recorded")
                .isEqualTo("READY,IN_PROGRESS,DONE,CANCELED");
    }

    private HttpResponse<String> refund(JsonNode payment, long amount) throws Exception {
        return post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":" + amount + ",\"reason\":\"test\"}");
    }
}
