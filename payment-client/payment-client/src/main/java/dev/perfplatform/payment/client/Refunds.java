package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.ApiRequest;
import dev.perfplatform.payment.client.internal.Args;
import dev.perfplatform.payment.client.internal.Decoders;
import dev.perfplatform.payment.client.internal.Transport;
import dev.perfplatform.payment.client.model.CreateRefundRequest;
import dev.perfplatform.payment.client.model.Refund;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The refunds endpoints ({@code /refunds}); get it from {@link FluxPayClient#refunds()}. */
public final class Refunds {

    private final Transport transport;
    private final Decoders decoders;

    Refunds(Transport transport, Decoders decoders) {
        this.transport = transport;
        this.decoders = decoders;
    }

    /**
     * Refunds part or all of a payment ({@code POST /refunds}): {@code 201} is {@link Outcome.Completed}; {@code
     * 202} is {@link Outcome.Unknown} (never retried; FluxPay sends {@code refund.succeeded} or {@code
     * refund.failed}). Give a stable idempotency key per refund so that a retry cannot refund twice.
     */
    public Outcome<Refund> create(CreateRefundRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /** Refunds a payment with per-call options. */
    public Outcome<Refund> create(CreateRefundRequest request, RequestOptions options) {
        return transport.execute(createCall(request).options(options));
    }

    /** Refunds a payment asynchronously. */
    public CompletableFuture<Outcome<Refund>> createAsync(CreateRefundRequest request) {
        return createAsync(request, RequestOptions.NONE);
    }

    /** Refunds a payment asynchronously with per-call options. */
    public CompletableFuture<Outcome<Refund>> createAsync(CreateRefundRequest request, RequestOptions options) {
        return transport.executeAsync(createCall(request).options(options));
    }

    /** Reads a refund ({@code GET /refunds/{refundId}}). */
    public Refund get(String refundId) {
        return get(refundId, RequestOptions.NONE);
    }

    /** Reads a refund with per-call options. */
    public Refund get(String refundId, RequestOptions options) {
        return transport.execute(getCall(refundId).options(options));
    }

    /** Reads a refund asynchronously. */
    public CompletableFuture<Refund> getAsync(String refundId) {
        return getAsync(refundId, RequestOptions.NONE);
    }

    /** Reads a refund asynchronously with per-call options. */
    public CompletableFuture<Refund> getAsync(String refundId, RequestOptions options) {
        return transport.executeAsync(getCall(refundId).options(options));
    }

    /** Every refund of a payment, oldest first ({@code GET /payments/{paymentId}/refunds}). */
    public List<Refund> listForPayment(String paymentId) {
        return listForPayment(paymentId, RequestOptions.NONE);
    }

    /** Every refund of a payment with per-call options. */
    public List<Refund> listForPayment(String paymentId, RequestOptions options) {
        return transport.execute(listCall(paymentId).options(options));
    }

    /** Every refund of a payment, asynchronously. */
    public CompletableFuture<List<Refund>> listForPaymentAsync(String paymentId) {
        return listForPaymentAsync(paymentId, RequestOptions.NONE);
    }

    /** Every refund of a payment, asynchronously with per-call options. */
    public CompletableFuture<List<Refund>> listForPaymentAsync(String paymentId, RequestOptions options) {
        return transport.executeAsync(listCall(paymentId).options(options));
    }

    private ApiRequest<Outcome<Refund>> createCall(CreateRefundRequest request) {
        return ApiRequest.post(
                "refunds.create", Args.notNull(request, "request"), decoders.outcome(Refund.class), "refunds");
    }

    private ApiRequest<Refund> getCall(String refundId) {
        return ApiRequest.get(
                "refunds.get", decoders.resource(Refund.class), "refunds", Args.text(refundId, "refundId"));
    }

    private ApiRequest<List<Refund>> listCall(String paymentId) {
        return ApiRequest.get(
                "refunds.list", decoders.list(Refund.class), "payments", Args.text(paymentId, "paymentId"), "refunds");
    }
}
