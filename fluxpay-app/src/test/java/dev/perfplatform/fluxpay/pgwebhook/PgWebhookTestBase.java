package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Steps shared by the inbound webhook tests: sending Toss-shaped webhooks and reading what they left behind. */
abstract class PgWebhookTestBase extends FluxPayApplicationTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** {@code POST /webhooks/toss} without any API key, as Toss sends it. */
    HttpResponse<String> webhook(String transmissionId, String body) throws Exception {
        return send(
                "POST",
                "/webhooks/toss",
                "",
                body,
                "tosspayments-webhook-transmission-id",
                transmissionId,
                "tosspayments-webhook-transmission-time",
                "2024-02-13T12:18:14+09:00",
                "tosspayments-webhook-transmission-retried-count",
                "0");
    }

    /** A {@code PAYMENT_STATUS_CHANGED} body claiming {@code status} and {@code amount} for the payment. */
    static String paymentStatusChanged(String paymentKey, JsonNode payment, String status, long amount) {
        return "{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"createdAt\":\"2024-02-13T12:18:14.000000\",\"data\":{"
                + "\"paymentKey\":\"" + paymentKey + "\",\"orderId\":\"" + paymentId(payment) + "\",\"status\":\""
                + status + "\",\"totalAmount\":" + amount + ",\"balanceAmount\":" + amount + ",\"method\":\"카드\"}}";
    }

    /** A payment the PG approved whose answer the engine lost (UNKNOWN); the simulator must not send webhooks. */
    Unresolved unknownPayment(long amount) throws Exception {
        JsonNode payment = createPayment(amount);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");
        HttpResponse<String> lost = confirm(payment, paymentKey, amount);
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(202);
        assertThat(status(payment)).isEqualTo("UNKNOWN");
        return new Unresolved(payment, paymentKey);
    }

    /** The receipt's final status, once processing has ended. */
    static String processed(String transmissionId) throws Exception {
        await().atMost(PATIENCE).until(() -> !receipt(transmissionId, "status").equals("RECEIVED"));
        return receipt(transmissionId, "status");
    }

    static String receipt(String transmissionId, String column) throws Exception {
        return String.valueOf(text(
                "SELECT " + column + " FROM pg_webhook_receipts WHERE transmission_id = '" + transmissionId + "'"));
    }

    static String status(JsonNode payment) throws Exception {
        return text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'");
    }

    /** The payment's status changes, {@code from>to} in order. */
    static String events(JsonNode payment) throws Exception {
        return text("SELECT string_agg(coalesce(from_status, 'null') || '>' || to_status, ',' ORDER BY seq)"
                + " FROM payment_events WHERE payment_id = '" + paymentId(payment) + "'");
    }

    /** A payment and the paymentKey the PG gave it. */
    record Unresolved(JsonNode payment, String paymentKey) {}
}
