package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The simulator sends Toss's webhooks to the app's own {@code /webhooks/toss} (the default), and they settle what the
 * confirm could not, with the reconciler off.
 */
@TestPropertySource(
        properties = {
            "fluxpay.reconciler.enabled=false",
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=2s"
        })
class SimulatorWebhookIntegrationTests extends PgWebhookTestBase {

    @Test
    void aLostConfirmAnswerIsResolvedByThePgsWebhookWithoutTheReconciler() throws Exception {
        JsonNode payment = createPayment(3300);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");

        HttpResponse<String> lost = confirm(payment, paymentKey, 3300);
        assertThat(lost.statusCode()).isEqualTo(202);
        assertThat(status(payment)).isEqualTo("UNKNOWN");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("DONE"));
        assertThat(events(payment)).isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>UNKNOWN,UNKNOWN>DONE");
        assertThat(text("SELECT cause FROM payment_events WHERE to_status = 'DONE' AND payment_id = '"
                        + paymentId(payment) + "'"))
                .contains("webhook sim-");
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + payment.get("orderId").asString() + "'"))
                .isEqualTo("PAID");
        assertThat(text("SELECT string_agg(event_type || ':' || status || ':' || retried_count, ',')"
                        + " FROM pg_webhook_receipts WHERE payment_key = '" + paymentKey + "'"))
                .isEqualTo("PAYMENT_STATUS_CHANGED:PROCESSED:0");
    }

    @Test
    void approvalsDeclinesAndRefundsSendWebhooksThatChangeNothingTwice() throws Exception {
        JsonNode paid = paidPayment(5000);
        JsonNode declined = createPayment(700);
        String declinedKey = checkout(declined, "DECLINE");
        assertThat(confirm(declined, declinedKey, 700).statusCode()).isEqualTo(402);
        HttpResponse<String> refunded = post(
                "/api/v1/refunds", "{\"paymentId\":\"" + paymentId(paid) + "\",\"amount\":1500,\"reason\":\"test\"}");
        assertThat(refunded.statusCode()).isEqualTo(201);
        String paidKey = paid.get("paymentKey").asString();

        await().atMost(PATIENCE)
                .until(() -> count("SELECT count(*) FROM pg_webhook_receipts WHERE status <> 'RECEIVED' AND"
                                + " (payment_key IN ('" + paidKey + "', '" + declinedKey + "'))")
                        == 4);
        assertThat(text("SELECT string_agg(event_type || ':' || coalesce(claimed_status, '-'), ',' ORDER BY"
                        + " event_type, claimed_status) FROM pg_webhook_receipts WHERE payment_key = '" + paidKey
                        + "'"))
                .isEqualTo(
                        "CANCEL_STATUS_CHANGED:-,PAYMENT_STATUS_CHANGED:DONE,PAYMENT_STATUS_CHANGED:PARTIAL_CANCELED");
        assertThat(events(paid)).isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>DONE,DONE>PARTIAL_CANCELED");
        assertThat(events(declined)).isEqualTo("null>READY,READY>IN_PROGRESS,IN_PROGRESS>ABORTED");
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE status = 'FAILED'"))
                .isZero();
    }
}
