package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import org.jspecify.annotations.Nullable;

/**
 * Query of {@code GET /webhook-deliveries}: optional filters and the page to read.
 *
 * @param eventId only the attempts of this event (its {@code webhook-id}); null for all
 * @param status only attempts in this state; null for all
 * @param limit page size (1 to 100); null for the server's default
 * @param startingAfter cursor: the {@code nextCursor} of the previous page; null for the first page
 */
public record WebhookDeliveryListParams(
        @Nullable String eventId,
        @Nullable WebhookDeliveryStatus status,
        @Nullable Integer limit,
        @Nullable String startingAfter) {

    /** Checks the limit. */
    public WebhookDeliveryListParams {
        ListLimits.check(limit);
    }

    /** Every delivery attempt, first page, server's page size. */
    public static WebhookDeliveryListParams all() {
        return new WebhookDeliveryListParams(null, null, null, null);
    }

    /** The attempts to deliver one event. */
    public static WebhookDeliveryListParams forEvent(String eventId) {
        return new WebhookDeliveryListParams(Args.text(eventId, "eventId"), null, null, null);
    }

    /** These parameters keeping only attempts in {@code status}. */
    public WebhookDeliveryListParams withStatus(WebhookDeliveryStatus status) {
        return new WebhookDeliveryListParams(eventId, Args.notNull(status, "status"), limit, startingAfter);
    }

    /** These parameters with another page size. */
    public WebhookDeliveryListParams withLimit(int limit) {
        return new WebhookDeliveryListParams(eventId, status, limit, startingAfter);
    }

    /** These parameters starting after {@code cursor}. */
    public WebhookDeliveryListParams withStartingAfter(String cursor) {
        return new WebhookDeliveryListParams(eventId, status, limit, Args.text(cursor, "cursor"));
    }
}
