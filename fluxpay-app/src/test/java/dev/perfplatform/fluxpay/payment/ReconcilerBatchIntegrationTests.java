package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One reconciler batch run by hand ({@link Reconciler#reconcile()}; the schedule is too slow to fire here) in which
 * one payment's check fails: that payment is backed off and the rest of the batch is still resolved.
 */
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=3s",
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.interval=1h",
            "fluxpay.reconciler.backoff=300ms,2s"
        })
class ReconcilerBatchIntegrationTests extends FluxPayApplicationTestBase {

    @Autowired
    Reconciler reconciler;

    @Test
    void aPaymentWhoseCheckFailsIsBackedOffAndTheRestOfItsBatchIsResolved() throws Exception {
        String refused = lostAnswer(1100);
        String first = lostAnswer(1200);
        String second = lostAnswer(1300);
        // the database refuses to settle one payment, as it would refuse a row some bug left inconsistent
        refuseUpdates("payments", "NEW.id = '" + refused + "' AND NEW.status <> OLD.status");
        // all three due, the refused one first in the batch
        update("UPDATE payments SET next_check_at = now() - interval '1 minute' WHERE id = '" + refused + "'");
        update("UPDATE payments SET next_check_at = now() - interval '1 second' WHERE id IN ('" + first + "', '"
                + second + "')");

        List<Payment> resolved = reconciler.reconcile().collectList().block(Duration.ofSeconds(30));

        assertThat(resolved)
                .extracting(payment -> payment.paymentId().toString())
                .containsExactlyInAnyOrder(first, second);
        assertThat(status(first)).isEqualTo("DONE");
        assertThat(status(second)).isEqualTo("DONE");
        assertThat(status(refused)).isEqualTo("UNKNOWN");
        // backed off on the reconciler's schedule (2 s), not left to its one-minute claim
        assertThat(text("SELECT check_attempts || ' ' || (next_check_at < now() + interval '10 seconds')"
                        + " FROM payments WHERE id = '" + refused + "'"))
                .isEqualTo("1 true");
    }

    /** A payment the simulator approved whose answer the engine lost: UNKNOWN. */
    private String lostAnswer(long amount) throws Exception {
        JsonNode payment = createPayment(amount);
        HttpResponse<String> lost = confirm(payment, checkout(payment, "TIMEOUT_AFTER_COMMIT"), amount);
        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(202);
        return paymentId(payment);
    }

    private static String status(String paymentId) throws Exception {
        return text("SELECT status FROM payments WHERE id = '" + paymentId + "'");
    }
}
