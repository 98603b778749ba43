package dev.perfplatform.fluxpay.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The payer's checkout takes only what a confirm can settle: the id of a READY payment of this engine (TossPayments
 * calls it {@code orderId}), for the payment's amount, once. Anything else is refused at once in Toss's error shape,
 * rather than ending in an ABORTED payment at confirm.
 */
class SimulatorCheckoutIntegrationTests extends FluxPayApplicationTestBase {

    @Test
    void theOrdersIdIsRefusedSayingThatOrderIdIsThePaymentsId() throws Exception {
        String orderId = createOrder(4200, "KRW");
        JsonNode payment = createPayment(orderId, 4200);

        HttpResponse<String> refused = checkout(orderId, 4200, "APPROVE");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(code(refused)).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(message(refused)).contains(orderId).contains("order's id").contains("paymentId");
        assertThat(checkouts(orderId)).isZero();
        // the payment is untouched and still goes through with its own id
        String paymentKey = checkoutKey(payment);
        assertThat(confirm(payment, paymentKey, 4200).statusCode()).isEqualTo(200);
    }

    @Test
    void anIdOfNoPaymentIsRefused() throws Exception {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            HttpResponse<String> refused = checkout(id, 1000, "APPROVE");

            assertThat(refused.statusCode()).as(id).isEqualTo(404);
            assertThat(code(refused)).isEqualTo("NOT_FOUND_PAYMENT");
            assertThat(message(refused)).contains("paymentId");
            assertThat(checkouts(id)).isZero();
        }
    }

    @Test
    void anotherAmountThanThePaymentsIsRefused() throws Exception {
        JsonNode payment = createPayment(5000);

        HttpResponse<String> refused = checkout(paymentId(payment), 4999, "APPROVE");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo("INVALID_REQUEST");
        assertThat(message(refused)).contains("4999").contains("5000");
        assertThat(checkouts(paymentId(payment))).isZero();
    }

    @Test
    void aPaymentThatCanNoLongerBeConfirmedIsRefused() throws Exception {
        JsonNode paid = paidPayment(6000);

        HttpResponse<String> refused = checkout(paymentId(paid), 6000, "APPROVE");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(code(refused)).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(message(refused)).contains("DONE").contains("READY");
        assertThat(checkouts(paymentId(paid))).isOne();
    }

    @Test
    void aPaymentIsCheckedOutOnce() throws Exception {
        JsonNode payment = createPayment(7000);
        String paymentKey = checkoutKey(payment);

        HttpResponse<String> again = checkout(paymentId(payment), 7000, "DECLINE");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(code(again)).isEqualTo("DUPLICATED_ORDER_ID");
        assertThat(checkouts(paymentId(payment))).isOne();
        assertThat(confirm(payment, paymentKey, 7000).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownScenarioNamesTheFieldAndTheScenariosAccepted() throws Exception {
        JsonNode payment = createPayment(8000);

        HttpResponse<String> refused = checkout(paymentId(payment), 8000, "EXPLODE");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = body(refused).get("error");
        assertThat(error.get("code").asString()).isEqualTo("VAL_001");
        assertThat(error.get("message").asString())
                .isEqualTo("scenario must be one of APPROVE, DECLINE, ERROR, SLOW, TIMEOUT_AFTER_COMMIT");
        assertThat(error.get("fieldErrors").get(0).get("field").asString()).isEqualTo("scenario");
        assertThat(error.get("fieldErrors").get(0).get("message").asString())
                .isEqualTo("must be one of APPROVE, DECLINE, ERROR, SLOW, TIMEOUT_AFTER_COMMIT");
        assertThat(checkouts(paymentId(payment))).isZero();
    }

    private HttpResponse<String> checkout(String orderId, long amount, String scenario) throws Exception {
        return send(
                "POST",
                "/sim/checkout",
                "",
                "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount + ",\"scenario\":\"" + scenario + "\"}");
    }

    private String checkoutKey(JsonNode payment) throws Exception {
        HttpResponse<String> checkedOut =
                checkout(paymentId(payment), payment.get("amount").asLong(), "APPROVE");
        assertThat(checkedOut.statusCode()).as(checkedOut.body()).isEqualTo(200);
        return body(checkedOut).get("paymentKey").asString();
    }

    private static long checkouts(String orderId) throws Exception {
        return count("SELECT count(*) FROM sim_payments WHERE order_id = '" + orderId.replace("'", "''") + "'");
    }

    private String code(HttpResponse<String> answer) {
        return body(answer).get("code").asString();
    }

    private String message(HttpResponse<String> answer) {
        return body(answer).get("message").asString();
    }
}
