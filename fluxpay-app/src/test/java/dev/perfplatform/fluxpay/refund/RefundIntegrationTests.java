package dev.perfplatform.fluxpay.refund;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Refunds; nothing resolves an unknown payment in the background here (no reconciler, no simulator webhooks). */
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=3s",
            "fluxpay.reconciler.enabled=false",
            "fluxpay.simulator.webhook-url="
        })
class RefundIntegrationTests extends FluxPayApplicationTestBase {

    @Test
    void aRefundOfAPaymentWhoseOutcomeIsUnknownLooksItUpFirst() throws Exception {
        JsonNode payment = createPayment(6600);
        HttpResponse<String> lost = confirm(payment, checkout(payment, "TIMEOUT_AFTER_COMMIT"), 6600);
        assertThat(lost.statusCode()).isEqualTo(202);

        HttpResponse<String> refunded = post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":600,\"reason\":\"damaged\"}");

        // the PG had taken the money: the payment is DONE and the refund went to the PG (its answer is late: 202)
        assertThat(refunded.statusCode()).as(refunded.body()).isIn(201, 202);
        assertThat(text("SELECT cause FROM payment_events WHERE payment_id = '" + paymentId(payment)
                        + "' AND to_status = 'DONE'"))
                .contains("look-up before a refund");
        assertThat(text("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("600");
    }

    @Test
    void partialRefundsAddUpToAFullCancel() throws Exception {
        JsonNode payment = paidPayment(9900);

        HttpResponse<String> first = refund(payment, 4000);
        HttpResponse<String> second = refund(payment, 5900);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(body(first).get("data").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.statusCode()).isEqualTo(201);
        JsonNode after = body(send("GET", "/api/v1/payments/" + paymentId(payment), MERCHANT_KEY, ""))
                .get("data");
        assertThat(after.get("status").asString()).isEqualTo("CANCELED");
        assertThat(after.get("refundedAmount").asLong()).isEqualTo(9900);
        assertThat(simBalance(payment)).isZero();
        JsonNode listed = body(send("GET", "/api/v1/payments/" + paymentId(payment) + "/refunds", MERCHANT_KEY, ""))
                .get("data");
        assertThat(listed).hasSize(2);
        assertThat(text("SELECT string_agg(to_status, ',' ORDER BY seq) FROM payment_events WHERE payment_id = '"
                        + paymentId(payment) + "'"))
                .isEqualTo("READY,IN_PROGRESS,DONE,PARTIAL_CANCELED,CANCELED");
    }

    @Test
    void aRefundBeyondWhatIsLeftIsRefusedWithNothingWritten() throws Exception {
        JsonNode payment = paidPayment(5000);
        refund(payment, 3000);
        long refunds = count("SELECT count(*) FROM refunds");

        HttpResponse<String> tooMuch = refund(payment, 2001);

        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(body(tooMuch).get("error").get("code").asString()).isEqualTo("PAY_007");
        assertThat(count("SELECT count(*) FROM refunds")).isEqualTo(refunds);
        assertThat(count("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo(3000);
        assertThat(simBalance(payment)).isEqualTo(2000);
    }

    @Test
    void onlyADonePaymentCanBeRefunded() throws Exception {
        JsonNode ready = createPayment(1000);

        HttpResponse<String> refused = refund(ready, 100);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(body(refused).get("error").get("code").asString()).isEqualTo("PAY_010");
    }

    @Test
    void concurrentPartialRefundsNeverExceedTheCapturedAmount() throws Exception {
        JsonNode payment = paidPayment(9900);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> refund(payment, 1000));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        long succeeded = count("SELECT count(*) FROM refunds WHERE status = 'SUCCEEDED' AND payment_id = '"
                + paymentId(payment) + "'");
        assertThat(succeeded).isPositive();
        assertThat(count("SELECT count(*) FROM refunds WHERE status <> 'SUCCEEDED'"))
                .isZero();
        assertThat(count("SELECT refunded_amount FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo(1000 * succeeded)
                .isLessThanOrEqualTo(9900);
        assertThat(simBalance(payment)).isEqualTo(9900 - 1000 * succeeded);
        assertThat(responses)
                .filteredOn(response -> response.statusCode() == 201)
                .hasSize((int) succeeded);
        assertThat(responses)
                .filteredOn(response -> response.statusCode() != 201)
                .allSatisfy(response -> assertThat(
                                body(response).get("error").get("code").asString())
                        .isIn("PAY_011", "PAY_007"));
    }

    @Test
    void sequentialPartialRefundsStopAtTheCapturedAmount() throws Exception {
        JsonNode payment = paidPayment(9900);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(refund(payment, 1000).statusCode());
        }

        assertThat(statuses.subList(0, 9)).containsOnly(201);
        assertThat(statuses.subList(9, 11)).containsOnly(400);
        assertThat(simBalance(payment)).isEqualTo(900);
    }

    @Test
    void theSameKeyReplaysTheSameRefund() throws Exception {
        JsonNode payment = paidPayment(3000);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = refund(payment, 1000, key);
        HttpResponse<String> again = refund(payment, 1000, key);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(simBalance(payment)).isEqualTo(2000);
    }

    private HttpResponse<String> refund(JsonNode payment, long amount, String... key) throws Exception {
        return post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(payment) + "\",\"amount\":" + amount + ",\"reason\":\"test\"}",
                key);
    }

    private static long simBalance(JsonNode payment) throws Exception {
        return count("SELECT balance_amount FROM sim_payments WHERE order_id = '" + paymentId(payment) + "'");
    }
}
