package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTest;
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
class ReconciliationIntegrationTests extends FluxPayApplicationTest {

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
    void everyPaymentsStatusIsTheLastOfItsEvents() throws Exception {
        JsonNode payment = createPayment(1200);
        confirm(payment, checkout(payment, "APPROVE"), 1200);

        assertThat(count("""
                        SELECT count(*) FROM payments p
                        WHERE p.status <> (SELECT to_status FROM payment_events e WHERE e.payment_id = p.id
                                           ORDER BY seq DESC LIMIT 1)
                           OR p.version <> (SELECT max(seq) FROM payment_events e WHERE e.payment_id = p.id)""")).isZero();
        assertThat(count("SELECT count(*) FROM payments")).isPositive();
    }

    private static String status(JsonNode payment) throws Exception {
        return text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'");
    }
}
