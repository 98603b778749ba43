package dev.perfplatform.payment.client.webhook;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The three Standard Webhooks headers of one delivery attempt.
 *
 * @param webhookId {@code webhook-id}: the event's id, the same on every attempt (the receiver's dedupe key)
 * @param timestamp {@code webhook-timestamp}: Unix seconds of this attempt
 * @param signature {@code webhook-signature}: space-separated {@code v1,<base64>} signatures
 */
public record WebhookHeaders(String webhookId, String timestamp, String signature) {

    /** Name of the id header. */
    public static final String ID = "webhook-id";

    /** Name of the timestamp header. */
    public static final String TIMESTAMP = "webhook-timestamp";

    /** Name of the signature header. */
    public static final String SIGNATURE = "webhook-signature";

    /**
     * Reads the headers through {@code header} (a case-insensitive lookup such as {@code request::getHeader} or
     * {@code httpHeaders::getFirst}); a missing one is a {@link WebhookVerificationException}.
     */
    public static WebhookHeaders from(Function<String, @Nullable String> header) {
        return new WebhookHeaders(required(header, ID), required(header, TIMESTAMP), required(header, SIGNATURE));
    }

    /** The headers by name, to send. */
    public Map<String, String> asMap() {
        return Map.of(ID, webhookId, TIMESTAMP, timestamp, SIGNATURE, signature);
    }

    private static String required(Function<String, @Nullable String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException(
                    WebhookVerificationException.Reason.MISSING_HEADER, "missing header " + name);
        }
        return value.strip();
    }
}
