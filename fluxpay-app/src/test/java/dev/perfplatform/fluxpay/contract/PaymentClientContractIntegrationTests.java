package dev.perfplatform.fluxpay.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.payment.client.AuthenticationException;
import dev.perfplatform.payment.client.FluxPayApiException;
import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.IdempotencyConflictException;
import dev.perfplatform.payment.client.Outcome;
import dev.perfplatform.payment.client.Page;
import dev.perfplatform.payment.client.RequestOptions;
import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import dev.perfplatform.payment.client.model.CreateOrderRequest;
import dev.perfplatform.payment.client.model.CreatePaymentRequest;
import dev.perfplatform.payment.client.model.CreateRefundRequest;
import dev.perfplatform.payment.client.model.LineItem;
import dev.perfplatform.payment.client.model.Order;
import dev.perfplatform.payment.client.model.OrderListParams;
import dev.perfplatform.payment.client.model.OrderStatus;
import dev.perfplatform.payment.client.model.Payment;
import dev.perfplatform.payment.client.model.PaymentListParams;
import dev.perfplatform.payment.client.model.PaymentStatus;
import dev.perfplatform.payment.client.model.Refund;
import dev.perfplatform.payment.client.model.RefundStatus;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The payment-client library against this running app on real PostgreSQL: every call it makes must be one the app
 * answers the way the client expects, so drift between the two fails the build.
 */
@TestPropertySource(properties = {"fluxpay.pg.toss.read-timeout=1s", "fluxpay.simulator.timeout-delay=3s"})
class PaymentClientContractIntegrationTests extends FluxPayApplicationTestBase {

    private static final Currency KRW = Currency.getInstance("KRW");

    @Value("${local.server.port}")
    private int port;

    private FluxPayClient client;

    @BeforeEach
    void client() {
        client = FluxPayClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey(MERCHANT_KEY)
                .build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void orderToConfirmedPayment() throws Exception {
        Order order = client.orders()
                .create(CreateOrderRequest.of("contract-user", KRW, new LineItem("pro", "PRO plan", 2, 4950)));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.totalAmount()).isEqualTo(9900);
        assertThat(order.lineItems()).hasSize(1);
        assertThat(client.orders().get(order.orderId())).isEqualTo(order);

        Payment payment = client.payments().create(CreatePaymentRequest.forOrder(order));
        assertThat(payment.status()).isEqualTo(PaymentStatus.READY);
        assertThat(payment.checkoutUrl()).isNotNull();

        String paymentKey = checkout(payment, "APPROVE");
        Outcome<Payment> confirmed = client.payments()
                .confirm(
                        payment.paymentId(),
                        new ConfirmPaymentRequest(paymentKey, order.totalAmount()),
                        RequestOptions.idempotencyKey("confirm-" + payment.paymentId()));

        assertThat(confirmed.isUnknown()).isFalse();
        assertThat(confirmed.resource().status()).isEqualTo(PaymentStatus.DONE);
        assertThat(confirmed.resource().paymentKey()).isEqualTo(paymentKey);
        assertThat(client.orders().get(order.orderId()).status()).isEqualTo(OrderStatus.PAID);
        Page<Payment> payments = client.payments().list(PaymentListParams.forOrder(order.orderId()));
        assertThat(payments.items()).extracting(Payment::paymentId).containsExactly(payment.paymentId());

        Outcome<Refund> refund = client.refunds()
                .create(
                        new CreateRefundRequest(payment.paymentId(), 4000, "partial"),
                        RequestOptions.idempotencyKey("refund-" + UUID.randomUUID()));
        assertThat(refund.isUnknown()).isFalse();
        assertThat(refund.resource().status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(refund.resource().amount()).isEqualTo(4000);
        assertThat(client.refunds().get(refund.resource().refundId())).isEqualTo(refund.resource());
        assertThat(client.refunds().listForPayment(payment.paymentId())).containsExactly(refund.resource());
        Payment refunded = client.payments().get(payment.paymentId());
        assertThat(refunded.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        assertThat(refunded.refundedAmount()).isEqualTo(4000);
    }

    @Test
    void aLostPgAnswerIsAnUnknownOutcome() throws Exception {
        Order order =
                client.orders().create(CreateOrderRequest.of("contract-user", KRW, new LineItem("p", "P", 1, 500)));
        Payment payment = client.payments().create(CreatePaymentRequest.forOrder(order));

        Outcome<Payment> outcome = client.payments()
                .confirm(
                        payment.paymentId(), new ConfirmPaymentRequest(checkout(payment, "TIMEOUT_AFTER_COMMIT"), 500));

        assertThat(outcome.isUnknown()).isTrue();
        assertThat(outcome.resource().status()).isEqualTo(PaymentStatus.UNKNOWN);
    }

    @Test
    void declinesConflictsAndBadKeysAreTypedErrors() throws Exception {
        Order order =
                client.orders().create(CreateOrderRequest.of("contract-user", KRW, new LineItem("p", "P", 1, 700)));
        Payment payment = client.payments().create(CreatePaymentRequest.forOrder(order));
        String paymentKey = checkout(payment, "DECLINE");

        assertThatThrownBy(() ->
                        client.payments().confirm(payment.paymentId(), new ConfirmPaymentRequest(paymentKey, 700)))
                .isInstanceOfSatisfying(FluxPayApiException.class, declined -> {
                    assertThat(declined.status()).isEqualTo(402);
                    assertThat(declined.code()).isEqualTo("PAY_004");
                });

        String key = UUID.randomUUID().toString();
        client.orders()
                .create(
                        CreateOrderRequest.of("contract-user", KRW, new LineItem("p", "P", 1, 100)),
                        RequestOptions.idempotencyKey(key));
        assertThatThrownBy(() -> client.orders()
                        .create(
                                CreateOrderRequest.of("contract-user", KRW, new LineItem("p", "P", 1, 200)),
                                RequestOptions.idempotencyKey(key)))
                .isInstanceOf(IdempotencyConflictException.class);

        try (FluxPayClient stranger = FluxPayClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey("sk_test_stranger")
                .build()) {
            assertThatThrownBy(() -> stranger.orders().get(order.orderId()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining("sk_test_stranger");
        }
    }

    @Test
    void listsPageAndCancelWorkThroughTheClient() {
        String user = "pager-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            client.orders().create(CreateOrderRequest.of(user, KRW, new LineItem("p", "P", 1, 100 + i)));
        }

        Page<Order> first = client.orders().list(OrderListParams.forUser(user).withLimit(2));
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(client.orders().listAutoPaging(OrderListParams.forUser(user).withLimit(2)))
                .hasSize(3);

        Order canceled = client.orders().cancel(first.items().get(0).orderId());
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
    }

    private String checkout(Payment payment, String scenario) throws Exception {
        return body(send(
                        "POST",
                        "/sim/checkout",
                        "",
                        "{\"orderId\":\"" + payment.paymentId() + "\",\"amount\":" + payment.amount()
                                + ",\"scenario\":\"" + scenario + "\"}"))
                .get("paymentKey")
                .asString();
    }
}
