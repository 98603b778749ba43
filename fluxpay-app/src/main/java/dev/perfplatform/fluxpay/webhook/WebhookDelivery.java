package dev.perfplatform.fluxpay.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A webhook delivery as the merchant API shows it: the event it sends ({@code webhookId}, the same on every attempt
 * and replay), where it stands, and its last attempt; one delivery also carries the event's payload and every attempt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDelivery(
        UUID deliveryId,
        String webhookId,
        String eventType,
        WebhookDeliveryStatus status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastResponseStatus,
        @Nullable String lastError,
        @Nullable Instant deliveredAt,
        @Nullable UUID replayOf,
        Instant createdAt,
        @Nullable JsonNode payload,
        @Nullable List<Attempt> attemptLog) {

    WebhookDelivery withDetails(JsonNode eventPayload, List<Attempt> log) {
        return new WebhookDelivery(
                deliveryId,
                webhookId,
                eventType,
                status,
                attempts,
                nextAttemptAt,
                lastAttemptAt,
                lastResponseStatus,
                lastError,
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
