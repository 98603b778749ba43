package dev.perfplatform.fluxpay.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A webhook delivery as the merchant API (and payment-client's {@code WebhookDelivery}) shows it: the event it sends
 * ({@code eventId}, the {@code webhook-id} header, the same on every attempt and replay), where it stands, how many
 * attempts it took and what the last one got ({@code responseStatus}, {@code error}); one delivery read by id also
 * carries the event's payload and every attempt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(
        UUID deliveryId,
        String eventId,
        String eventType,
        WebhookDeliveryStatus status,
        int attempt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer responseStatus,
        @Nullable String error,
        @Nullable Instant deliveredAt,
        @Nullable UUID replayOf,
        Instant createdAt,
        @Nullable JsonNode payload,
        @Nullable List<Attempt> attemptLog) {

    WebhookDelivery withDetails(JsonNode eventPayload, List<Attempt> log) {
        return new WebhookDelivery(
                deliveryId,
                eventId,
                eventType,
                status,
                attempt,
                nextAttemptAt,
                lastAttemptAt,
                responseStatus,
                error,
                deliveredAt,
                replayOf,
                createdAt,
                eventPayload,
                log);
    }

    /** One attempt: when, the endpoint's status code or why there was none, and how long it took. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(
            int attempt,
            Instant attemptedAt,
            @Nullable Integer responseStatus,
            @Nullable String error,
            long durationMs) {}
}
