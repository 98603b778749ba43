package dev.perfplatform.payment.client.webhook;

import dev.perfplatform.payment.client.internal.Args;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs outgoing webhook deliveries per Standard Webhooks. With several secrets (during a rotation) every
 * delivery carries one signature per secret, so receivers holding either secret accept it.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.of(endpoint.secret());
 * byte[] body = json.writeValueAsBytes(event);             // send exactly these bytes
 * WebhookHeaders headers = signer.sign(event.id(), Instant.now(), body);
 * }</pre>
 */
public final class WebhookSigner {

    private final List<WebhookSecret> secrets;

    private WebhookSigner(List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook signer needs at least one secret");
        }
        this.secrets = List.copyOf(secrets);
    }

    /** A signer with {@code whsec_} secrets, the current one first. */
    public static WebhookSigner of(String... secrets) {
        return new WebhookSigner(
                Arrays.stream(secrets).map(WebhookSecret::parse).toList());
    }

    /** A signer with these secrets. */
    public static WebhookSigner of(List<WebhookSecret> secrets) {
        return new WebhookSigner(Args.notNull(secrets, "secrets"));
    }

    /** A fresh event id, {@code msg_} and 32 hex digits. */
    public static String newWebhookId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * The headers of one delivery attempt of {@code body}.
     *
     * @param webhookId the event's id, the same on every attempt; must not contain {@code .}
     * @param attemptedAt when this attempt is made (whole seconds are sent)
     * @param body the exact bytes that will be sent
     */
    public WebhookHeaders sign(String webhookId, Instant attemptedAt, byte[] body) {
        Args.text(webhookId, "webhookId");
        if (webhookId.indexOf('.') >= 0 || webhookId.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("webhookId must contain neither '.' nor spaces");
        }
        Args.notNull(body, "body");
        String timestamp =
                Long.toString(Args.notNull(attemptedAt, "attemptedAt").getEpochSecond());
        String signature = secrets.stream()
                .map(secret -> Signatures.signature(secret, webhookId, timestamp, body))
                .collect(Collectors.joining(" "));
        return new WebhookHeaders(webhookId, timestamp, signature);
    }
}
