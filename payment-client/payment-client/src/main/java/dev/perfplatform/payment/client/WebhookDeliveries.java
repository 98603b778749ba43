package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.ApiRequest;
import dev.perfplatform.payment.client.internal.Args;
import dev.perfplatform.payment.client.internal.Decoders;
import dev.perfplatform.payment.client.internal.Transport;
import dev.perfplatform.payment.client.model.WebhookDelivery;
import dev.perfplatform.payment.client.model.WebhookDeliveryListParams;
import java.util.concurrent.CompletableFuture;

/**
 * The webhook delivery log ({@code /webhook-deliveries}): every attempt FluxPay made to deliver an event to the
 * merchant, and a replay of one. Get it from {@link FluxPayClient#webhookDeliveries()}.
 */
public final class WebhookDeliveries {

    private final Transport transport;
    private final Decoders decoders;

    WebhookDeliveries(Transport transport, Decoders decoders) {
        this.transport = transport;
        this.decoders = decoders;
    }

    /** Reads one page of delivery attempts ({@code GET /webhook-deliveries?eventId=&status=&limit=&startingAfter=}). */
    public Page<WebhookDelivery> list(WebhookDeliveryListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Reads one page of delivery attempts with per-call options. */
    public Page<WebhookDelivery> list(WebhookDeliveryListParams params, RequestOptions options) {
        return transport.execute(listCall(params).options(options));
    }

    /** Reads one page of delivery attempts asynchronously. */
    public CompletableFuture<Page<WebhookDelivery>> listAsync(WebhookDeliveryListParams params) {
        return listAsync(params, RequestOptions.NONE);
    }

    /** Reads one page of delivery attempts asynchronously with per-call options. */
    public CompletableFuture<Page<WebhookDelivery>> listAsync(
            WebhookDeliveryListParams params, RequestOptions options) {
        return transport.executeAsync(listCall(params).options(options));
    }

    /** Every delivery attempt matching {@code params}, page after page as the iteration goes. */
    public AutoPager<WebhookDelivery> listAutoPaging(WebhookDeliveryListParams params) {
        return AutoPager.over(transport, listCall(params));
    }

    /**
     * Sends the event of a delivery again, now, with the same {@code webhook-id} ({@code POST
     * /webhook-deliveries/{deliveryId}/replay}); returns the new attempt.
     */
    public WebhookDelivery replay(String deliveryId) {
        return replay(deliveryId, RequestOptions.NONE);
    }

    /** Replays a delivery with per-call options. */
    public WebhookDelivery replay(String deliveryId, RequestOptions options) {
        return transport.execute(replayCall(deliveryId).options(options));
    }

    /** Replays a delivery asynchronously. */
    public CompletableFuture<WebhookDelivery> replayAsync(String deliveryId) {
        return replayAsync(deliveryId, RequestOptions.NONE);
    }

    /** Replays a delivery asynchronously with per-call options. */
    public CompletableFuture<WebhookDelivery> replayAsync(String deliveryId, RequestOptions options) {
        return transport.executeAsync(replayCall(deliveryId).options(options));
    }

    private ApiRequest<Page<WebhookDelivery>> listCall(WebhookDeliveryListParams params) {
        Args.notNull(params, "params");
        return ApiRequest.get("webhook_deliveries.list", decoders.page(WebhookDelivery.class), "webhook-deliveries")
                .query("eventId", params.eventId())
                .query("status", params.status())
                .page(params.limit(), params.startingAfter());
    }

    private ApiRequest<WebhookDelivery> replayCall(String deliveryId) {
        return ApiRequest.post(
                "webhook_deliveries.replay",
                null,
                decoders.resource(WebhookDelivery.class),
                "webhook-deliveries",
                Args.text(deliveryId, "deliveryId"),
                "replay");
    }
}
