package dev.perfplatform.payment.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Standard Webhooks {@code v1} scheme: HMAC-SHA256 of {@code id.timestamp.body}, base64. */
final class Signatures {

    static final String VERSION = "v1";

    private Signatures() {}

    /** The raw HMAC of {@code id.timestamp.body}, the body's bytes exactly as sent. */
    static byte[] hmac(WebhookSecret secret, String webhookId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code v1,<base64 HMAC>}. */
    static String signature(WebhookSecret secret, String webhookId, String timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(secret, webhookId, timestamp, body));
    }
}
