package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Order → payment → checkout at the simulator → confirm through the real TossPayments adapter. */
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.read-timeout=5s",
            "fluxpay.simulator.slow-delay=200ms",
            "fluxpay.simulator.timeout-delay=7s"
        })
class PaymentFlowIntegrationTests extends FluxPayApplicationTestBase {

    private static final long TOTAL = 9900;

    @Test
    void anApprovedPaymentIsDoneAndTheOrderPaid() throws Exception {
        JsonNode payment = createPayment(TOTAL);
        assertThat(payment.get("status").asString()).isEqualTo("READY");
        assertThat(payment.get("checkoutUrl").asString()).contains("/sim/checkout?orderId=");
        String paymentKey = checkout(payment, "APPROVE");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> confirmed = confirm(payment, paymentKey, TOTAL, key);
        HttpResponse<String> replayed = confirm(payment, paymentKey, TOTAL, key);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        JsonNode done = body(confirmed).get("data");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("paymentKey").asString()).isEqualTo(paymentKey);
        assertThat(done.get("approvedAt")).isNotNull();
        assertThat(replayed.body()).isEqualTo(confirmed.body());
        assertThat(orderStatus(payment)).isEqualTo("PAID");
        assertThat(simConfirms(paymentKey)).isOne();
        assertThat(events(payment)).containsExactly("null>READY", "READY>IN_PROGRESS", "IN_PROGRESS>DONE");
    }

    @Test
    void aDeclinedPaymentIsAbortedAndTheOrderCanBePaidAgain() throws Exception {
        String orderId = createOrder(TOTAL, "KRW");
        JsonNode payment = createPayment(orderId, TOTAL);

        HttpResponse<String> declined = confirm(
                payment, checkout(payment, "DECLINE"), TOTAL, UUID.randomUUID().toString());

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(body(declined).get("error").get("code").asString()).isEqualTo("PAY_004");
        JsonNode aborted = get("/api/v1/payments/" + paymentId(payment));
        assertThat(aborted.get("status").asString()).isEqualTo("ABORTED");
        assertThat(aborted.get("failure").get("code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(orderStatus(payment)).isEqualTo("PENDING");
        assertThat(createPayment(orderId, TOTAL).get("status").asString()).isEqualTo("READY");
    }

    @Test
    void aLostAnswerAfterThePgCommittedIsUnknownNeverFailed() throws Exception {
        JsonNode payment = createPayment(TOTAL);
        String paymentKey = checkout(payment, "TIMEOUT_AFTER_COMMIT");

        HttpResponse<String> lost =
                confirm(payment, paymentKey, TOTAL, UUID.randomUUID().toString());

        assertThat(lost.statusCode()).isEqualTo(202);
        assertThat(body(lost).get("data").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(simStatus(paymentKey)).isEqualTo("DONE");
        assertThat(orderStatus(payment)).isEqualTo("PENDING");
    }

    @Test
    void aPgErrorIsUnknownToo() throws Exception {
        JsonNode payment = createPayment(TOTAL);

        HttpResponse<String> failed = confirm(
                payment, checkout(payment, "ERROR"), TOTAL, UUID.randomUUID().toString());

        assertThat(failed.statusCode()).isEqualTo(202);
        assertThat(body(failed).get("data").get("status").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aConfirmForAnotherAmountIsRejectedBeforeThePgIsCalled() throws Exception {
        JsonNode payment = createPayment(TOTAL);
        String paymentKey = checkout(payment, "APPROVE");

        HttpResponse<String> tampered =
                confirm(payment, paymentKey, 100, UUID.randomUUID().toString());

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(body(tampered).get("error").get("code").asString()).isEqualTo("PAY_002");
        assertThat(get("/api/v1/payments/" + paymentId(payment)).get("status").asString())
                .isEqualTo("READY");
        assertThat(simConfirms(paymentKey)).isZero();
    }

    @Test
    void aPaymentMustMatchItsOrderAndAnOrderHasOneLivePayment() throws Exception {
        String orderId = createOrder(TOTAL, "KRW");

        HttpResponse<String> wrongAmount = post(
                "/api/v1/payments",
                "{\"orderId\":\"" + orderId + "\",\"amount\":100,\"currency\":\"KRW\"}",
                UUID.randomUUID().toString());
        createPayment(orderId, TOTAL);
        HttpResponse<String> second = post(
                "/api/v1/payments",
                "{\"orderId\":\"" + orderId + "\",\"amount\":" + TOTAL + ",\"currency\":\"KRW\"}",
                UUID.randomUUID().toString());

        assertThat(wrongAmount.statusCode()).isEqualTo(400);
        assertThat(body(wrongAmount).get("error").get("code").asString()).isEqualTo("PAY_002");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(body(second).get("error").get("code").asString()).isEqualTo("PAY_005");
    }

    @Test
    void oneHundredConcurrentConfirmsReachThePgOnce() throws Exception {
        JsonNode payment = createPayment(TOTAL);
        String paymentKey = checkout(payment, "SLOW");
        List<HttpResponse<String>> responses = confirmConcurrently(payment, paymentKey, TOTAL, 100);

        assertThat(simConfirms(paymentKey))
                .as(
                        "confirms at the PG; answers: %s",
                        responses.stream().map(HttpResponse::body).toList())
                .isOne();
        assertThat(get("/api/v1/payments/" + paymentId(payment)).get("status").asString())
                .isEqualTo("DONE");
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isIn(200, 409));
        assertThat(responses)
                .anySatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    }

    @Test
    void dashboardsFindTheNamedMeters() throws Exception {
        paidPayment(2500);

        String scraped = management("/actuator/prometheus").body();

        assertThat(scraped)
                .contains("fluxpay_pg_calls_seconds_count{operation=\"confirm\",outcome=\"approved\"")
                .contains("fluxpay_payments_transitions_total{status=\"done\"}")
                .contains("fluxpay_reconciler_backlog{kind=\"payment\"}")
                .contains("fluxpay_reconciler_backlog{kind=\"refund\"}")
                .contains("fluxpay_needs_attention{kind=\"payment\"}");
    }

    @Test
    void theEventLogIsAppendOnly() throws Exception {
        JsonNode payment = createPayment(TOTAL);

        assertThatThrownBy(() -> update("UPDATE payment_events SET cause = 'rewritten' WHERE payment_id = '"
                        + paymentId(payment) + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> update("DELETE FROM payment_events WHERE payment_id = '" + paymentId(payment) + "'"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void anotherMerchantsPaymentDoesNotExist() throws Exception {
        JsonNode payment = createPayment(TOTAL);

        HttpResponse<String> read = send("GET", "/api/v1/payments/" + paymentId(payment), "sk_test_nobody", "");

        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/payments/" + UUID.randomUUID(), MERCHANT_KEY, "")
                        .statusCode())
                .isEqualTo(404);
    }

    private JsonNode get(String path) throws Exception {
        return body(send("GET", path, MERCHANT_KEY, "")).get("data");
    }

    private String orderStatus(JsonNode payment) throws Exception {
        return get("/api/v1/orders/" + payment.get("orderId").asString())
                .get("status")
                .asString();
    }

    private static long simConfirms(String paymentKey) throws SQLException {
        return count("SELECT confirm_count FROM sim_payments WHERE payment_key = '" + paymentKey + "'");
    }

    private static String simStatus(String paymentKey) throws SQLException {
        return text("SELECT status FROM sim_payments WHERE payment_key = '" + paymentKey + "'");
    }

    private static List<String> events(JsonNode payment) throws SQLException {
        return List.of(text("SELECT string_agg(coalesce(from_status, 'null') || '>' || to_status, ',' ORDER BY seq)"
                        + " FROM payment_events WHERE payment_id = '" + paymentId(payment) + "'")
                .split(","));
    }
}
