package dev.perfplatform.payment.client.webhook;

import dev.perfplatform.payment.client.internal.Args;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret, written {@code whsec_<base64 key>}; the HMAC key is the decoded bytes
 * (24 to 64 of them). {@link #toString()} never shows it.
 */
public final class WebhookSecret {

    /** Prefix of a serialized secret. */
    public static final String PREFIX = "whsec_";

    /** Fewest key bytes the specification allows. */
    public static final int MIN_KEY_BYTES = 24;

    /** Most key bytes the specification allows. */
    public static final int MAX_KEY_BYTES = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret must decode to " + MIN_KEY_BYTES + " to "
                    + MAX_KEY_BYTES + " bytes, this one has " + key.length);
        }
        this.key = key.clone();
    }

    /** Reads {@code whsec_<base64>} (the prefix may be left out); fails without echoing the secret. */
    public static WebhookSecret parse(String secret) {
        String text = Args.text(secret, "secret").strip();
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret must be whsec_ followed by base64");
        }
        return new WebhookSecret(key);
    }

    /** A new random 32-byte secret. */
    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The secret as it is handed to the merchant: {@code whsec_<base64>}. */
    public String serialized() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key;
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
