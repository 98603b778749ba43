package dev.perfplatform.payment.client.model;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a webhook event to the merchant.
 *
 * @param deliveryId FluxPay's id of the attempt
 * @param eventId the event's id, sent as the {@code webhook-id} header (the same on every attempt)
 * @param eventType e.g. {@code payment.confirmed}
 * @param status where the attempt is
 * @param attempt 1 for the first attempt, then 2, 3...
 * @param responseStatus the merchant's HTTP status, when it answered
 * @param error what went wrong, when something did
 * @param createdAt when the attempt was scheduled
 * @param nextAttemptAt when the next attempt is due, if one is
 * @param deliveredAt when the merchant acknowledged it
 */
public record WebhookDelivery(
        String deliveryId,
        String eventId,
        String eventType,
        WebhookDeliveryStatus status,
        int attempt,
        @Nullable Integer responseStatus,
        @Nullable String error,
        @Nullable Instant createdAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant deliveredAt) {

    /** Requires the ids, type and status. */
    public WebhookDelivery {
        Args.notNull(deliveryId, "deliveryId");
        Args.notNull(eventId, "eventId");
        Args.notNull(eventType, "eventType");
        Args.notNull(status, "status");
    }
}
