package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.ApiRequest;
import dev.perfplatform.payment.client.internal.Args;
import dev.perfplatform.payment.client.internal.Decoders;
import dev.perfplatform.payment.client.internal.Transport;
import dev.perfplatform.payment.client.model.ConfirmPaymentRequest;
import dev.perfplatform.payment.client.model.CreatePaymentRequest;
import dev.perfplatform.payment.client.model.Payment;
import dev.perfplatform.payment.client.model.PaymentListParams;
import java.util.concurrent.CompletableFuture;

/**
 * The payments endpoints ({@code /payments}); get it from {@link FluxPayClient#payments()}.
 *
 * <pre>{@code
 * Payment payment = client.payments().create(CreatePaymentRequest.forOrder(order));
 * // send the payer to payment.checkoutUrl(); the return URL receives the paymentKey
 * Outcome<Payment> outcome = client.payments().confirm(payment.paymentId(),
 *         new ConfirmPaymentRequest(paymentKey, order.totalAmount()),
 *         RequestOptions.idempotencyKey("confirm-" + payment.paymentId()));
 * }</pre>
 */
public final class Payments {

    private final Transport transport;
    private final Decoders decoders;

    Payments(Transport transport, Decoders decoders) {
        this.transport = transport;
        this.decoders = decoders;
    }

    /** Creates a payment for an order ({@code POST /payments}, 201, status {@code READY} with a checkout URL). */
    public Payment create(CreatePaymentRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /** Creates a payment with per-call options. */
    public Payment create(CreatePaymentRequest request, RequestOptions options) {
        return transport.execute(createCall(request).options(options));
    }

    /** Creates a payment asynchronously. */
    public CompletableFuture<Payment> createAsync(CreatePaymentRequest request) {
        return createAsync(request, RequestOptions.NONE);
    }

    /** Creates a payment asynchronously with per-call options. */
    public CompletableFuture<Payment> createAsync(CreatePaymentRequest request, RequestOptions options) {
        return transport.executeAsync(createCall(request).options(options));
    }

    /**
     * Confirms (captures) a payment after checkout ({@code POST /payments/{paymentId}/confirm}): {@code 200} with
     * status {@code DONE} is {@link Outcome.Completed}; {@code 202} is {@link Outcome.Unknown} (never retried); a
     * decline is a {@link FluxPayApiException} with a {@code PAY_*} code. Give a stable idempotency key (e.g.
     * {@code "confirm-" + paymentId}) so that a retry after a crash cannot confirm twice.
     */
    public Outcome<Payment> confirm(String paymentId, ConfirmPaymentRequest request) {
        return confirm(paymentId, request, RequestOptions.NONE);
    }

    /** Confirms a payment with per-call options. */
    public Outcome<Payment> confirm(String paymentId, ConfirmPaymentRequest request, RequestOptions options) {
        return transport.execute(confirmCall(paymentId, request).options(options));
    }

    /** Confirms a payment asynchronously. */
    public CompletableFuture<Outcome<Payment>> confirmAsync(String paymentId, ConfirmPaymentRequest request) {
        return confirmAsync(paymentId, request, RequestOptions.NONE);
    }

    /** Confirms a payment asynchronously with per-call options. */
    public CompletableFuture<Outcome<Payment>> confirmAsync(
            String paymentId, ConfirmPaymentRequest request, RequestOptions options) {
        return transport.executeAsync(confirmCall(paymentId, request).options(options));
    }

    /** Reads a payment ({@code GET /payments/{paymentId}}). */
    public Payment get(String paymentId) {
        return get(paymentId, RequestOptions.NONE);
    }

    /** Reads a payment with per-call options. */
    public Payment get(String paymentId, RequestOptions options) {
        return transport.execute(getCall(paymentId).options(options));
    }

    /** Reads a payment asynchronously. */
    public CompletableFuture<Payment> getAsync(String paymentId) {
        return getAsync(paymentId, RequestOptions.NONE);
    }

    /** Reads a payment asynchronously with per-call options. */
    public CompletableFuture<Payment> getAsync(String paymentId, RequestOptions options) {
        return transport.executeAsync(getCall(paymentId).options(options));
    }

    /** Reads one page of payments ({@code GET /payments?orderId=&limit=&startingAfter=}). */
    public Page<Payment> list(PaymentListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Reads one page of payments with per-call options. */
    public Page<Payment> list(PaymentListParams params, RequestOptions options) {
        return transport.execute(listCall(params).options(options));
    }

    /** Reads one page of payments asynchronously. */
    public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params) {
        return listAsync(params, RequestOptions.NONE);
    }

    /** Reads one page of payments asynchronously with per-call options. */
    public CompletableFuture<Page<Payment>> listAsync(PaymentListParams params, RequestOptions options) {
        return transport.executeAsync(listCall(params).options(options));
    }

    /** Every payment matching {@code params}, page after page as the iteration goes. */
    public AutoPager<Payment> listAutoPaging(PaymentListParams params) {
        return AutoPager.over(transport, listCall(params));
    }

    private ApiRequest<Payment> createCall(CreatePaymentRequest request) {
        return ApiRequest.post(
                "payments.create", Args.notNull(request, "request"), decoders.resource(Payment.class), "payments");
    }

    private ApiRequest<Outcome<Payment>> confirmCall(String paymentId, ConfirmPaymentRequest request) {
        return ApiRequest.post(
                "payments.confirm",
                Args.notNull(request, "request"),
                decoders.outcome(Payment.class),
                "payments",
                Args.text(paymentId, "paymentId"),
                "confirm");
    }

    private ApiRequest<Payment> getCall(String paymentId) {
        return ApiRequest.get(
                "payments.get", decoders.resource(Payment.class), "payments", Args.text(paymentId, "paymentId"));
    }

    private ApiRequest<Page<Payment>> listCall(PaymentListParams params) {
        Args.notNull(params, "params");
        return ApiRequest.get("payments.list", decoders.page(Payment.class), "payments")
                .query("orderId", params.orderId())
                .page(params.limit(), params.startingAfter());
    }
}
