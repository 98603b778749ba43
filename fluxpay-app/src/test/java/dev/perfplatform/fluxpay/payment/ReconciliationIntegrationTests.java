package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Unknown outcomes resolved by looking the payment up at the PG, on a compressed schedule. */
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=3s",
            "fluxpay.reconciler.interval=200ms",
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.backoff=300ms,600ms",
            "fluxpay.reconciler.in-progress-grace=5s"
        })
class ReconciliationIntegrationTests extends FluxPayApplicationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aLostAnswerIsReconciledToDoneNeverFailed() throws Exception {
        JsonNode payment = createPayment(1200);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");

        HttpResponse<String> lost = confirm(payment, paymentKey, 1200);
        assertThat(lost.statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("DONE"));
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + payment.get("orderId").asString() + "'"))
                .isEqualTo("PAID");
        assertThat(text("SELECT string_agg(from_status || '>' || to_status, ',' ORDER BY seq) FROM payment_events"
                        + " WHERE payment_id = '" + paymentId(payment) + "' AND from_status IS NOT NULL"))
                .isEqualTo("READY>IN_PROGRESS,IN_PROGRESS>UNKNOWN,UNKNOWN>DONE");
        assertThat(text("SELECT cause FROM payment_events WHERE payment_id = '" + paymentId(payment)
                        + "' AND to_status = 'DONE'"))
                .contains("reconciliation");
    }

    @Test
    void anUnresolvablePaymentKeepsBeingCheckedThenNeedsAttention() throws Exception {
        JsonNode payment = createPayment(1200);
        HttpResponse<String> failed = confirm(payment, checkout(payment, "ERROR"), 1200);
        assertThat(failed.statusCode()).isEqualTo(202);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(
                                count("SELECT check_attempts FROM payments WHERE id = '" + paymentId(payment) + "'"))
                        .isGreaterThanOrEqualTo(2));
        assertThat(status(payment)).isEqualTo("UNKNOWN");

        update("UPDATE payments SET created_at = now() - interval '4 days' WHERE id = '" + paymentId(payment) + "'");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("NEEDS_ATTENTION"));
    }

    @Test
    void aLostRefundAnswerIsResolvedByReSendingTheSameCancel() throws Exception {
        JsonNode payment = createPayment(9000);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");
        assertThat(confirm(payment, paymentKey, 9000).statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("DONE"));

        HttpResponse<String> refunded = post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":4000,\"reason\":\"damaged\"}");
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(202);
        JsonNode refund = body(refunded).get("data");
        assertThat(refund.get("status").asString()).isEqualTo("UNKNOWN");
        String refundId = refund.get("refundId").asString();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(text("SELECT status FROM refunds WHERE id = '" + refundId + "'"))
                        .isEqualTo("SUCCEEDED"));
        assertThat(text("SELECT status || ' ' || refunded_amount FROM payments WHERE id = '" + paymentId(payment)
                        + "'"))
                .isEqualTo("PARTIAL_CANCELED 4000");
        assertThat(text("SELECT balance_amount FROM sim_payments WHERE payment_key = '" + paymentKey + "'"))
                .isEqualTo("5000");
        assertThat(count("SELECT count(*) FROM sim_idempotency WHERE scope LIKE 'refund-" + refundId + " %'"))
                .isEqualTo(1);
    }

    @Test
    void anUnresolvableRefundNeedsAttentionAndKeepsItsReservation() throws Exception {
        JsonNode payment = createPayment(6000);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");
        confirm(payment, paymentKey, 6000);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("DONE"));
        HttpResponse<String> refunded = post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":1000,\"reason\":\"damaged\"}");
        String refundId = body(refunded).get("data").get("refundId").asString();
        update("UPDATE refunds SET created_at = now() - interval '4 days' WHERE id = '" + refundId + "'");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(text("SELECT status FROM refunds WHERE id = '" + refundId + "'"))
                        .isEqualTo("NEEDS_ATTENTION"));
        assertThat(text("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("1000");
        HttpResponse<String> another = post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":1000,\"reason\":\"again\"}");
        assertThat(body(another).get("error").get("code").asString()).isEqualTo("PAY_011");
    }

    @Test
    void replayingEachPaymentsEventsGivesItsCurrentState() throws Exception {
        JsonNode approved = createPayment(1200);
        confirm(approved, checkout(approved, "APPROVE"), 1200);
        JsonNode declined = createPayment(1300);
        confirm(declined, checkout(declined, "DECLINE"), 1300);
        JsonNode lost = createPayment(1400);
        confirm(lost, checkout(lost, "TIMEOUT_AFTER_COMMIT"), 1400);
        JsonNode refunded = paidPayment(1500);
        post("/api/v1/refunds", "{\"paymentId\":\"" + paymentId(refunded) + "\",\"amount\":500,\"reason\":\"r\"}");
        post("/api/v1/refunds", "{\"paymentId\":\"" + paymentId(refunded) + "\",\"amount\":1000,\"reason\":\"r\"}");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(lost)).isEqualTo("DONE"));
        assertThat(status(refunded)).isEqualTo("CANCELED");

        // the events form one chain per payment: seq 1 from nothing, each next one from where the last one went
        assertThat(count("""
                        SELECT count(*) FROM payment_events e
                        LEFT JOIN payment_events prev ON prev.payment_id = e.payment_id AND prev.seq = e.seq - 1
                        WHERE (e.seq = 1) <> (e.from_status IS NULL)
                           OR (e.seq > 1 AND e.from_status IS DISTINCT FROM prev.to_status)""")).isZero();
        // and the chain's end is the payment's state
        assertThat(count("""
                        SELECT count(*) FROM payments p
                        WHERE p.status <> (SELECT to_status FROM payment_events e WHERE e.payment_id = p.id
                                           ORDER BY seq DESC LIMIT 1)
                           OR p.version <> (SELECT max(seq) FROM payment_events e WHERE e.payment_id = p.id)
                           OR p.version <> (SELECT count(*) FROM payment_events e WHERE e.payment_id = p.id)""")).isZero();
        assertThat(count("SELECT count(*) FROM payments")).isGreaterThanOrEqualTo(4);
    }

    private static String status(JsonNode payment) throws Exception {
        return text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'");
    }
}
