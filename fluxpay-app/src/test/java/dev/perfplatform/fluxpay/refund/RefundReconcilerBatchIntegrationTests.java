package dev.perfplatform.fluxpay.refund;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One refund reconciler batch run by hand ({@link RefundReconciler#reconcile()}; the schedule is too slow to fire
 * here) in which one refund's re-send fails: that refund is backed off and the rest of the batch is still resolved.
 */
@TestPropertySource(
        properties = {
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.interval=1h",
            "fluxpay.reconciler.backoff=2s"
        })
class RefundReconcilerBatchIntegrationTests extends FluxPayApplicationTestBase {

    @Autowired
    RefundReconciler reconciler;

    @Test
    void aRefundWhoseReSendFailsIsBackedOffAndTheRestOfItsBatchIsResolved() throws Exception {
        String refused = lostRefund("1 minute");
        String first = lostRefund("1 second");
        String second = lostRefund("1 second");
        // the database refuses to settle one refund, as it would refuse a row some bug left inconsistent
        refuseUpdates("refunds", "NEW.id = '" + refused + "' AND NEW.status <> OLD.status");

        List<Refund> handled = reconciler.reconcile().collectList().block(Duration.ofSeconds(30));

        assertThat(handled).hasSize(2);
        assertThat(status(first)).isEqualTo("SUCCEEDED");
        assertThat(status(second)).isEqualTo("SUCCEEDED");
        assertThat(status(refused)).isEqualTo("UNKNOWN");
        // backed off on the reconciler's schedule, not left to its one-minute claim
        assertThat(text("SELECT check_attempts || ' ' || (next_check_at < now() + interval '10 seconds')"
                        + " FROM refunds WHERE id = '" + refused + "'"))
                .isEqualTo("1 true");
    }

    /**
     * A refund of 500 of a paid payment, reserved and UNKNOWN as a lost PG answer leaves it, due {@code overdue} ago;
     * returns its id.
     */
    private String lostRefund(String overdue) throws Exception {
        String paymentId = paymentId(paidPayment(2000));
        update("UPDATE payments SET refunded_amount = 500 WHERE id = '" + paymentId + "'");
        return text("INSERT INTO refunds (id, merchant_id, payment_id, status, amount, currency, reason, created_at,"
                + " next_check_at) SELECT gen_random_uuid(), merchant_id, id, 'UNKNOWN', 500, currency, 'lost',"
                + " now(), now() - interval '" + overdue + "' FROM payments WHERE id = '" + paymentId
                + "' RETURNING id");
    }

    private static String status(String refundId) throws Exception {
        return text("SELECT status FROM refunds WHERE id = '" + refundId + "'");
    }
}
