package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * FluxPay's response envelope {@code {success, data, error{code, message, fieldErrors}, metadata{timestamp,
 * traceId}}}, read leniently: a body that is not an envelope (a proxy's HTML error page) reads as empty.
 *
 * @param data the {@code data}, or null
 * @param hasError whether an {@code error} object was present
 * @param code {@code error.code}
 * @param message {@code error.message}
 * @param fieldErrors {@code error.fieldErrors}
 * @param traceId {@code metadata.traceId}
 */
public record Envelope(
        @Nullable JsonNode data,
        boolean hasError,
        @Nullable String code,
        @Nullable String message,
        List<FieldError> fieldErrors,
        @Nullable String traceId) {

    /** No envelope: what a body that is not one reads as. */
    static final Envelope EMPTY = new Envelope(null, false, null, null, List.of(), null);

    /** Reads {@code body}; never throws. */
    public static Envelope parse(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            return EMPTY;
        }
        if (root == null || !root.isObject()) {
            return EMPTY;
        }
        JsonNode data = present(root.get("data"));
        JsonNode error = present(root.get("error"));
        JsonNode metadata = present(root.get("metadata"));
        String traceId = metadata == null ? null : text(metadata.get("traceId"));
        if (error == null) {
            return new Envelope(data, false, null, null, List.of(), traceId);
        }
        List<FieldError> fieldErrors = new ArrayList<>();
        JsonNode fields = error.get("fieldErrors");
        if (fields != null && fields.isArray()) {
            for (JsonNode field : fields) {
                fieldErrors.add(new FieldError(text(field.get("field")), text(field.get("message"))));
            }
        }
        return new Envelope(
                data, true, text(error.get("code")), text(error.get("message")), List.copyOf(fieldErrors), traceId);
    }

    private static @Nullable JsonNode present(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        JsonNode value = present(node);
        return value == null || !value.isValueNode() ? null : value.asString();
    }
}
