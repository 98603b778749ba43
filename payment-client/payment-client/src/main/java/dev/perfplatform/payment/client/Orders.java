package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.ApiRequest;
import dev.perfplatform.payment.client.internal.Args;
import dev.perfplatform.payment.client.internal.Decoders;
import dev.perfplatform.payment.client.internal.Transport;
import dev.perfplatform.payment.client.model.CreateOrderRequest;
import dev.perfplatform.payment.client.model.Order;
import dev.perfplatform.payment.client.model.OrderListParams;
import java.util.concurrent.CompletableFuture;

/** The orders endpoints ({@code /orders}); get it from {@link FluxPayClient#orders()}. */
public final class Orders {

    private final Transport transport;
    private final Decoders decoders;

    Orders(Transport transport, Decoders decoders) {
        this.transport = transport;
        this.decoders = decoders;
    }

    /** Creates an order ({@code POST /orders}, 201). */
    public Order create(CreateOrderRequest request) {
        return create(request, RequestOptions.NONE);
    }

    /** Creates an order with per-call options. */
    public Order create(CreateOrderRequest request, RequestOptions options) {
        return transport.execute(createCall(request).options(options));
    }

    /** Creates an order asynchronously. */
    public CompletableFuture<Order> createAsync(CreateOrderRequest request) {
        return createAsync(request, RequestOptions.NONE);
    }

    /** Creates an order asynchronously with per-call options. */
    public CompletableFuture<Order> createAsync(CreateOrderRequest request, RequestOptions options) {
        return transport.executeAsync(createCall(request).options(options));
    }

    /** Reads an order ({@code GET /orders/{orderId}}). */
    public Order get(String orderId) {
        return get(orderId, RequestOptions.NONE);
    }

    /** Reads an order with per-call options. */
    public Order get(String orderId, RequestOptions options) {
        return transport.execute(getCall(orderId).options(options));
    }

    /** Reads an order asynchronously. */
    public CompletableFuture<Order> getAsync(String orderId) {
        return getAsync(orderId, RequestOptions.NONE);
    }

    /** Reads an order asynchronously with per-call options. */
    public CompletableFuture<Order> getAsync(String orderId, RequestOptions options) {
        return transport.executeAsync(getCall(orderId).options(options));
    }

    /** Reads one page of orders ({@code GET /orders?userId=&limit=&startingAfter=}). */
    public Page<Order> list(OrderListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Reads one page of orders with per-call options. */
    public Page<Order> list(OrderListParams params, RequestOptions options) {
        return transport.execute(listCall(params).options(options));
    }

    /** Reads one page of orders asynchronously. */
    public CompletableFuture<Page<Order>> listAsync(OrderListParams params) {
        return listAsync(params, RequestOptions.NONE);
    }

    /** Reads one page of orders asynchronously with per-call options. */
    public CompletableFuture<Page<Order>> listAsync(OrderListParams params, RequestOptions options) {
        return transport.executeAsync(listCall(params).options(options));
    }

    /** Every order matching {@code params}, page after page as the iteration goes. */
    public AutoPager<Order> listAutoPaging(OrderListParams params) {
        return AutoPager.over(transport, listCall(params));
    }

    /** Cancels an unpaid order ({@code POST /orders/{orderId}/cancel}). */
    public Order cancel(String orderId) {
        return cancel(orderId, RequestOptions.NONE);
    }

    /** Cancels an unpaid order with per-call options. */
    public Order cancel(String orderId, RequestOptions options) {
        return transport.execute(cancelCall(orderId).options(options));
    }

    /** Cancels an unpaid order asynchronously. */
    public CompletableFuture<Order> cancelAsync(String orderId) {
        return cancelAsync(orderId, RequestOptions.NONE);
    }

    /** Cancels an unpaid order asynchronously with per-call options. */
    public CompletableFuture<Order> cancelAsync(String orderId, RequestOptions options) {
        return transport.executeAsync(cancelCall(orderId).options(options));
    }

    private ApiRequest<Order> createCall(CreateOrderRequest request) {
        return ApiRequest.post(
                "orders.create", Args.notNull(request, "request"), decoders.resource(Order.class), "orders");
    }

    private ApiRequest<Order> getCall(String orderId) {
        return ApiRequest.get("orders.get", decoders.resource(Order.class), "orders", Args.text(orderId, "orderId"));
    }

    private ApiRequest<Page<Order>> listCall(OrderListParams params) {
        Args.notNull(params, "params");
        return ApiRequest.get("orders.list", decoders.page(Order.class), "orders")
                .query("userId", params.userId())
                .page(params.limit(), params.startingAfter());
    }

    private ApiRequest<Order> cancelCall(String orderId) {
        return ApiRequest.post(
                "orders.cancel",
                null,
                decoders.resource(Order.class),
                "orders",
                Args.text(orderId, "orderId"),
                "cancel");
    }
}
