package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import dev.perfplatform.payment.client.model.CreatePaymentRequest;
import dev.perfplatform.payment.client.model.Payment;
import dev.perfplatform.payment.client.model.PaymentListParams;
import dev.perfplatform.payment.client.model.PaymentStatus;
import java.util.Currency;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentsTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    @Test
    void createsAReadyPaymentWithItsCheckoutUrl() throws Exception {
        server.data(201, Fixtures.PAYMENT_READY);

        Payment payment = server.client()
                .payments()
                .create(new CreatePaymentRequest("ord_1", 19_800, Currency.getInstance("KRW")));

        RecordedRequest sent = server.take();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/payments");
        assertThat(sent.getBody().utf8()).isEqualTo("{\"orderId\":\"ord_1\",\"amount\":19800,\"currency\":\"KRW\"}");
        assertThat(payment.status()).isEqualTo(PaymentStatus.READY);
        assertThat(payment.checkoutUrl()).isEqualTo("http://localhost:8081/checkout/pay_1");
    }

    @Test
    void confirmsWithTheCallersIdempotencyKeyAndReturnsACompletedOutcome() throws Exception {
        server.data(200, Fixtures.PAYMENT_DONE);

        Outcome<Payment> outcome = server.client()
                .payments()
                .confirm(
                        "pay_1",
                        new ConfirmPaymentRequest("pk_1", 19_800),
                        RequestOptions.idempotencyKey("confirm-pay_1"));

        RecordedRequest sent = server.take();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/payments/pay_1/confirm");
        assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("confirm-pay_1");
        assertThat(sent.getBody().utf8()).isEqualTo("{\"paymentKey\":\"pk_1\",\"amount\":19800}");
        assertThat(outcome).isInstanceOf(Outcome.Completed.class);
        assertThat(outcome.isUnknown()).isFalse();
        assertThat(outcome.completed().status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void returnsA202AsAnUnknownOutcomeWithoutRetrying() {
        server.data(202, Fixtures.PAYMENT_UNKNOWN).data(200, Fixtures.PAYMENT_DONE);

        Outcome<Payment> outcome =
                server.client().payments().confirm("pay_1", new ConfirmPaymentRequest("pk_1", 19_800));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.Unknown.class,
                        unknown -> assertThat(unknown.requestId()).isEqualTo("trace-1"));
        assertThat(outcome.resource().status()).isEqualTo(PaymentStatus.UNKNOWN);
        assertThatThrownBy(outcome::completed).isInstanceOf(IllegalStateException.class);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.time.sleeps).isEmpty();
    }

    @Test
    void aDeclineIsAnApiErrorWithItsCodeAndIsNotRetried() {
        server.enqueue(new MockResponse.Builder()
                .code(402)
                .setHeader("X-Request-Id", "req_server_9")
                .body("""
                        {"success":false,"error":{"code":"PAY_004","message":"card declined","fieldErrors":[
                          {"field":"amount","message":"does not match the order"}]}}""")
                .build());

        assertThatThrownBy(() -> server.client().payments().confirm("pay_1", new ConfirmPaymentRequest("pk_1", 1)))
                .isInstanceOfSatisfying(FluxPayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(402);
                    assertThat(e.code()).isEqualTo("PAY_004");
                    assertThat(e.errorMessage()).isEqualTo("card declined");
                    assertThat(e.fieldErrors()).containsExactly(new FieldError("amount", "does not match the order"));
                    assertThat(e.requestId()).isEqualTo("req_server_9");
                    assertThat(e.getMessage())
                            .isEqualTo("HTTP 402 PAY_004: card declined; amount: does not match the order"
                                    + " [request req_server_9]");
                });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aConfirmThePaymentProviderRefusedCompletesWithItsFailure() {
        server.data(200, Fixtures.PAYMENT_ABORTED);

        Payment payment = server.client()
                .payments()
                .confirm("pay_1", new ConfirmPaymentRequest("pk_1", 19_800))
                .completed();

        assertThat(payment.status()).isEqualTo(PaymentStatus.ABORTED);
        assertThat(payment.failure()).isEqualTo(new Payment.Failure("REJECT_CARD_PAYMENT", "limit exceeded"));
        assertThat(payment.refundedAmount()).isZero();
    }

    @Test
    void readsAndListsPayments() throws Exception {
        server.data(200, Fixtures.PAYMENT_DONE).data(200, Fixtures.page(Fixtures.PAYMENT_DONE, false, null));

        assertThat(server.client().payments().get("pay_1").paymentKey()).isEqualTo("pk_1");
        Page<Payment> page = server.client().payments().list(PaymentListParams.forOrder("ord_1"));

        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v1/payments/pay_1");
        RecordedRequest list = server.take();
        assertThat(list.getUrl().encodedPath()).isEqualTo("/api/v1/payments");
        assertThat(list.getUrl().queryParameter("orderId")).isEqualTo("ord_1");
        assertThat(list.getUrl().queryParameter("limit")).isNull();
        assertThat(page.items()).hasSize(1);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void autoPagesPayments() {
        server.data(200, Fixtures.page(Fixtures.PAYMENT_DONE, true, "pay_1"))
                .data(200, Fixtures.page(Fixtures.PAYMENT_DONE.replace("pay_1", "pay_2"), false, null));

        assertThat(server.client().payments().listAutoPaging(PaymentListParams.forOrder("ord_1")))
                .extracting(Payment::paymentId)
                .containsExactly("pay_1", "pay_2");
    }
}
