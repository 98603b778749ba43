package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A payment whose confirm answer was lost (UNKNOWN) and that was then canceled at the PG, in full or in part, before the
 * reconciler looked it up: the reconciler records it as the merchant sees it at the PG, DONE and then the cancel, with
 * the canceled amount as a refund, and the merchant's webhooks say so. The first look-up waits until the test lets it
 * (a one-hour backoff, then {@code next_check_at} moved to now), so the cancel always comes first.
 */
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=1500ms",
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.interval=200ms",
            "fluxpay.reconciler.backoff=1h",
            "fluxpay.reconciler.in-progress-grace=5s",
            "fluxpay.webhooks.worker-enabled=false"
        })
class PgCancellationReconciliationIntegrationTests extends FluxPayApplicationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String SIMULATOR_AUTH =
            "Basic " + Base64.getEncoder().encodeToString("test_sk_simulator:".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void merchantHearsOfEveryChange() throws Exception {
        update("UPDATE merchants SET webhook_url = 'https://merchant.example/webhooks'");
    }

    @Test
    void aPaymentCanceledAtThePgWhileUnknownIsReconciledToDoneThenCanceledWithItsRefund() throws Exception {
        JsonNode payment = unknownPayment(8000);

        cancelAtThePg(payment, null);
        lookUpNow(payment);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("CANCELED"));
        assertThat(transitions(payment)).isEqualTo("READY>IN_PROGRESS,IN_PROGRESS>UNKNOWN,UNKNOWN>DONE,DONE>CANCELED");
        assertThat(text("SELECT cause FROM payment_events WHERE payment_id = '" + paymentId(payment)
                        + "' AND to_status = 'CANCELED'"))
                .contains("8000 canceled outside the engine (reconciliation)");
        assertThat(text("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("8000");
        assertThat(refunds(payment)).isEqualTo("SUCCEEDED 8000 canceled at the PG outside fluxpay");
        assertThat(paymentWebhooks(payment)).isEqualTo("payment.unknown,payment.confirmed,payment.canceled");
        assertThat(refundWebhooks(payment)).isEqualTo("refund.succeeded");
        assertThat(text("SELECT payload::json->'data'->>'refundedAmount' FROM webhook_events WHERE payment_id = '"
                        + paymentId(payment) + "' AND type = 'payment.canceled'"))
                .isEqualTo("8000");
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + payment.get("orderId").asString() + "'"))
                .isEqualTo("PAID");
    }

    @Test
    void aPaymentPartlyCanceledAtThePgWhileUnknownKeepsTheRestRefundable() throws Exception {
        JsonNode payment = unknownPayment(8000);

        cancelAtThePg(payment, 3000L);
        lookUpNow(payment);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(payment)).isEqualTo("PARTIAL_CANCELED"));
        assertThat(transitions(payment))
                .isEqualTo("READY>IN_PROGRESS,IN_PROGRESS>UNKNOWN,UNKNOWN>DONE,DONE>PARTIAL_CANCELED");
        assertThat(text("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("3000");
        assertThat(refunds(payment)).isEqualTo("SUCCEEDED 3000 canceled at the PG outside fluxpay");
        assertThat(paymentWebhooks(payment)).isEqualTo("payment.unknown,payment.confirmed,payment.partially_canceled");
        assertThat(refundWebhooks(payment)).isEqualTo("refund.succeeded");

        // the engine's refundable amount is the PG's balance: the rest refunds, a won more does not fit
        HttpResponse<String> tooMuch = refund(payment, 5001);
        assertThat(body(tooMuch).get("error").get("code").asString()).isEqualTo("PAY_007");
        HttpResponse<String> rest = refund(payment, 5000);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(201);
        assertThat(status(payment)).isEqualTo("CANCELED");
    }

    /**
     * A payment the PG approved whose confirm answer the engine lost: UNKNOWN, its first look-up an hour away. The PG
     * answers promptly from then on.
     */
    private JsonNode unknownPayment(long amount) throws Exception {
        JsonNode payment = createPayment(amount);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");
        HttpResponse<String> lost = confirm(payment, paymentKey, amount);
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(202);
        assertThat(status(payment)).isEqualTo("UNKNOWN");
        update("UPDATE sim_payments SET scenario = 'APPROVE' WHERE payment_key = '" + paymentKey + "'");
        return json.createObjectNode()
                .put("paymentId", paymentId(payment))
                .put("orderId", payment.get("orderId").asString())
                .put("paymentKey", paymentKey);
    }

    /** The PG's own cancel API, as its console or a support call would use it: all of the balance when no amount. */
    private void cancelAtThePg(JsonNode payment, @Nullable Long amount) throws Exception {
        String body = amount == null
                ? "{\"cancelReason\":\"customer called the PG\"}"
                : "{\"cancelReason\":\"customer called the PG\",\"cancelAmount\":" + amount + "}";
        HttpResponse<String> canceled = send(
                "POST",
                "/sim/v1/payments/" + payment.get("paymentKey").asString() + "/cancel",
                "",
                body,
                "Authorization",
                SIMULATOR_AUTH);
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
    }

    private static void lookUpNow(JsonNode payment) throws Exception {
        update("UPDATE payments SET next_check_at = now() WHERE id = '" + paymentId(payment) + "'");
    }

    private HttpResponse<String> refund(JsonNode payment, long amount) throws Exception {
        return post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":" + amount + ",\"reason\":\"rest\"}");
    }

    private static String status(JsonNode payment) throws Exception {
        return text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'");
    }

    private static String transitions(JsonNode payment) throws Exception {
        return text("SELECT string_agg(from_status || '>' || to_status, ',' ORDER BY seq) FROM payment_events"
                + " WHERE payment_id = '" + paymentId(payment) + "' AND from_status IS NOT NULL");
    }

    private static String refunds(JsonNode payment) throws Exception {
        return text("SELECT string_agg(status || ' ' || amount || ' ' || reason, ',' ORDER BY created_at) FROM refunds"
                + " WHERE payment_id = '" + paymentId(payment) + "'");
    }

    private static String paymentWebhooks(JsonNode payment) throws Exception {
        return text("SELECT string_agg(type, ',' ORDER BY payment_seq) FROM webhook_events WHERE payment_id = '"
                + paymentId(payment) + "'");
    }

    private static String refundWebhooks(JsonNode payment) throws Exception {
        return text("SELECT string_agg(e.type, ',') FROM webhook_events e JOIN refunds r ON r.id = e.refund_id"
                + " WHERE r.payment_id = '" + paymentId(payment) + "'");
    }
}
