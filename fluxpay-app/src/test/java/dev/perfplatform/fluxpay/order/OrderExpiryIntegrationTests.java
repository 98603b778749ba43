package dev.perfplatform.fluxpay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Orders left unpaid past their time to live expire with their READY payments; paid and young ones do not, and one
 * that cannot expire holds up no other.
 */
@TestPropertySource(properties = {"fluxpay.orders.ttl=1h", "fluxpay.orders.expiry-interval=200ms"})
class OrderExpiryIntegrationTests extends FluxPayApplicationTestBase {

    @Test
    void anOverdueOrderExpiresWithItsReadyPaymentAndCanNoLongerBePaid() throws Exception {
        JsonNode overdue = createPayment(3300);
        String overdueOrder = overdue.get("orderId").asString();
        String paymentKey = checkout(overdue, "APPROVE");
        JsonNode young = createPayment(3400);
        JsonNode paid = paidPayment(3500);
        update("UPDATE orders SET created_at = now() - interval '2 hours' WHERE id IN ('" + overdueOrder + "', '"
                + paid.get("orderId").asString() + "')");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(text("SELECT status FROM orders WHERE id = '" + overdueOrder + "'"))
                        .isEqualTo("EXPIRED"));

        assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(overdue) + "'"))
                .isEqualTo("EXPIRED");
        assertThat(text("SELECT cause FROM payment_events WHERE payment_id = '" + paymentId(overdue)
                        + "' AND to_status = 'EXPIRED'"))
                .isEqualTo("order expired");
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + young.get("orderId").asString() + "'"))
                .isEqualTo("PENDING");
        assertThat(text("SELECT status FROM orders WHERE id = '"
                        + paid.get("orderId").asString() + "'"))
                .isEqualTo("PAID");
        HttpResponse<String> late = confirm(overdue, paymentKey, 3300);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(count("SELECT confirm_count FROM sim_payments WHERE payment_key = '" + paymentKey + "'"))
                .isZero();
    }

    @Test
    void anOrderThatFailsToExpireHoldsUpNoOtherOrderOfItsBatch() throws Exception {
        JsonNode refused = createPayment(3600);
        JsonNode first = createPayment(3700);
        JsonNode second = createPayment(3800);
        // the database refuses to expire one payment, as it would refuse a row some bug left inconsistent
        refuseUpdates("payments", "NEW.id = '" + paymentId(refused) + "' AND NEW.status = 'EXPIRED'");
        try {
            // the refused order is the oldest, so it comes first in every batch
            age(refused, "3 hours");
            age(first, "2 hours");
            age(second, "2 hours");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(orderStatus(first)).isEqualTo("EXPIRED");
                assertThat(orderStatus(second)).isEqualTo("EXPIRED");
            });
            assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(second) + "'"))
                    .isEqualTo("EXPIRED");
            assertThat(orderStatus(refused)).isEqualTo("PENDING");
            assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(refused) + "'"))
                    .isEqualTo("READY");
        } finally {
            allowUpdates("payments");
        }
    }

    private static void age(JsonNode payment, String age) throws Exception {
        update("UPDATE orders SET created_at = now() - interval '" + age + "' WHERE id = '"
                + payment.get("orderId").asString() + "'");
    }

    private static String orderStatus(JsonNode payment) throws Exception {
        return text("SELECT status FROM orders WHERE id = '"
                + payment.get("orderId").asString() + "'");
    }
}
