package dev.perfplatform.payment.client.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A verified FluxPay event: {@code {"type": "payment.confirmed", "timestamp": "...", "data": {...}}} with the
 * delivery's {@code webhook-id}. Deliveries are at least once: drop an event whose {@link #webhookId()} was
 * processed already.
 */
public final class WebhookEvent {

    private final String webhookId;
    private final Instant attemptedAt;
    private final String type;
    private final @Nullable Instant createdAt;
    private final JsonNode data;
    private final ObjectMapper json;

    WebhookEvent(
            String webhookId,
            Instant attemptedAt,
            String type,
            @Nullable Instant createdAt,
            JsonNode data,
            ObjectMapper json) {
        this.webhookId = webhookId;
        this.attemptedAt = attemptedAt;
        this.type = type;
        this.createdAt = createdAt;
        this.data = data;
        this.json = json;
    }

    /** The {@code webhook-id}: the same on every attempt and replay of this event. */
    public String webhookId() {
        return webhookId;
    }

    /** When this attempt was sent ({@code webhook-timestamp}). */
    public Instant attemptedAt() {
        return attemptedAt;
    }

    /** The event type, one of {@link WebhookEventTypes}. */
    public String type() {
        return type;
    }

    /** When the event happened, if the payload says. */
    public @Nullable Instant createdAt() {
        return createdAt;
    }

    /** The event's {@code data}. */
    public JsonNode data() {
        return data;
    }

    /** The data as {@code type}, e.g. {@code Payment.class} for {@code payment.*} and {@code Refund.class} for {@code refund.*}. */
    public <T> T dataAs(Class<T> type) {
        try {
            return json.treeToValue(data, type);
        } catch (RuntimeException e) {
            throw new WebhookVerificationException(
                    WebhookVerificationException.Reason.INVALID_PAYLOAD,
                    "the data of " + this.type + " is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "WebhookEvent{webhookId=" + webhookId + ", type=" + type + ", attemptedAt=" + attemptedAt + "}";
    }
}
