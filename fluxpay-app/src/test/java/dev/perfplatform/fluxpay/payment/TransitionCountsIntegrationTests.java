package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code fluxpay.payments.transitions} counts moves that committed. Nothing but the test's requests moves a payment
 * here: no reconciler, and the simulator sends no webhooks.
 */
@TestPropertySource(properties = {"fluxpay.reconciler.enabled=false", "fluxpay.simulator.webhook-url="})
class TransitionCountsIntegrationTests extends FluxPayApplicationTestBase {

    private static final long TOTAL = 4200;
    private static final String DONE = "fluxpay_payments_transitions_total{status=\"done\"}";

    @Test
    void aTransitionRolledBackWithItsRequestIsNotCounted() throws Exception {
        JsonNode payment = createPayment(TOTAL);
        String paymentKey = checkout(payment, "APPROVE");
        double before = scraped(DONE);

        // the order cannot be marked PAID, so the transaction that moved the payment to DONE rolls back
        refuseUpdates("orders", "NEW.status = 'PAID'");
        HttpResponse<String> refused;
        try {
            refused = confirm(payment, paymentKey, TOTAL);
        } finally {
            allowUpdates("orders");
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(500);
        assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("IN_PROGRESS");
        assertThat(scraped(DONE)).isEqualTo(before);
    }

    @Test
    void aCommittedTransitionIsCountedOnce() throws Exception {
        double before = scraped(DONE);

        paidPayment(TOTAL);

        assertThat(scraped(DONE)).isEqualTo(before + 1);
    }
}
