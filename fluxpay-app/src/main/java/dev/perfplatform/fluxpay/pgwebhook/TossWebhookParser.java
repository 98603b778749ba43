package dev.perfplatform.fluxpay.pgwebhook;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the TossPayments webhook shapes (core API "webhook events" page): {@code PAYMENT_STATUS_CHANGED} and
 * {@code CANCEL_STATUS_CHANGED} wrap their object in {@code data}; {@code DEPOSIT_CALLBACK} is flat and has no
 * {@code eventType}. The per-payment {@code secret} is read from a deposit callback (where it is required) and from a
 * {@code PAYMENT_STATUS_CHANGED} Payment object that carries one (virtual accounts). Unknown fields are ignored; a body
 * that is not one of these shapes is malformed.
 */
@Component
class TossWebhookParser {

    private static final int MAX_PAYMENT_KEY = 200;
    private static final int MAX_ORDER_ID = 64;
    private static final int MAX_STATUS = 64;
    private static final int MAX_SECRET = 200;
    private static final Set<String> KNOWN =
            Set.of(TossWebhook.Type.PAYMENT_STATUS_CHANGED.name(), TossWebhook.Type.CANCEL_STATUS_CHANGED.name());

    private final JsonMapper json;

    TossWebhookParser(JsonMapper json) {
        this.json = json;
    }

    /** The webhook in {@code body}; throws {@link MalformedWebhookException} naming what is wrong. */
    TossWebhook parse(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedWebhookException("empty body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("body is not JSON");
        }
        if (!root.isObject()) {
            throw new MalformedWebhookException("body is not a JSON object");
        }
        JsonNode eventType = root.path("eventType");
        if (eventType.isMissingNode() || eventType.isNull()) {
            return depositCallback(root);
        }
        if (!eventType.isString() || eventType.asString().isBlank()) {
            throw new MalformedWebhookException("eventType is not a string");
        }
        if (!KNOWN.contains(eventType.asString())) {
            return new TossWebhook(TossWebhook.Type.OTHER, null, null, null, null);
        }
        TossWebhook.Type type = TossWebhook.Type.valueOf(eventType.asString());
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new MalformedWebhookException("data is not an object");
        }
        TossWebhook webhook = new TossWebhook(
                type,
                text(data, "paymentKey", MAX_PAYMENT_KEY),
                text(data, "orderId", MAX_ORDER_ID),
                type == TossWebhook.Type.PAYMENT_STATUS_CHANGED ? text(data, "status", MAX_STATUS) : null,
                type == TossWebhook.Type.PAYMENT_STATUS_CHANGED ? text(data, "secret", MAX_SECRET) : null);
        if (type == TossWebhook.Type.PAYMENT_STATUS_CHANGED && !webhook.namesPayment()) {
            throw new MalformedWebhookException("data has neither paymentKey nor orderId");
        }
        return webhook;
    }

    private static TossWebhook depositCallback(JsonNode root) {
        String orderId = text(root, "orderId", MAX_ORDER_ID);
        String status = text(root, "status", MAX_STATUS);
        String secret = text(root, "secret", MAX_SECRET);
        if (orderId == null || status == null || secret == null) {
            throw new MalformedWebhookException("no eventType, and not a deposit callback (orderId, status, secret)");
        }
        return new TossWebhook(TossWebhook.Type.DEPOSIT_CALLBACK, null, orderId, status, secret);
    }

    /** A string field, null when absent; anything else, or too long, is malformed. */
    private static @Nullable String text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.asString().isEmpty() || value.asString().length() > maxLength) {
            throw new MalformedWebhookException(field + " must be a string of 1 to " + maxLength + " characters");
        }
        return value.asString();
    }

    /** A body that is not a TossPayments webhook. */
    static final class MalformedWebhookException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String why;

        MalformedWebhookException(String why) {
            super(why, null, false, false);
            this.why = why;
        }

        /** What is wrong with the body. */
        String why() {
            return why;
        }
    }
}
