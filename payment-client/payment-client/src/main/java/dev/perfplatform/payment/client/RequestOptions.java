package dev.perfplatform.payment.client;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Options of one logical call.
 *
 * <pre>{@code
 * // The confirm of payment 42 keeps one key for ever: a retry after a crash cannot capture twice.
 * client.payments().confirm(paymentId, confirm, RequestOptions.idempotencyKey("confirm-" + paymentId));
 * }</pre>
 *
 * @param idempotencyKey the {@code Idempotency-Key} of a POST; null to let the client generate one per logical
 *     call (reused across its own retries, not across calls)
 * @param timeout bound of each attempt (connect, write, server time and read); null for the client's timeouts
 */
public record RequestOptions(
        @Nullable String idempotencyKey, @Nullable Duration timeout) {

    /** Longest key the server accepts. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    /** No options: a generated idempotency key and the client's timeouts. */
    public static final RequestOptions NONE = new RequestOptions(null, null);

    /** Checks the key (1 to 255 printable ASCII characters) and the timeout. */
    public RequestOptions {
        if (idempotencyKey != null) {
            checkKey(idempotencyKey);
        }
        if (timeout != null) {
            Args.positive(timeout, "timeout");
        }
    }

    /** Options with only an idempotency key. */
    public static RequestOptions idempotencyKey(String key) {
        return new RequestOptions(Args.text(key, "idempotencyKey"), null);
    }

    /** Options with only a timeout. */
    public static RequestOptions timeout(Duration timeout) {
        return new RequestOptions(null, timeout);
    }

    /** These options with {@code key}. */
    public RequestOptions withIdempotencyKey(String key) {
        return new RequestOptions(Args.text(key, "idempotencyKey"), timeout);
    }

    /** These options with {@code timeout}. */
    public RequestOptions withTimeout(Duration timeout) {
        return new RequestOptions(idempotencyKey, timeout);
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "idempotencyKey must have 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("idempotencyKey must be printable ASCII without spaces");
            }
        }
    }
}
