package dev.perfplatform.payment.client.spring.webflux;

import dev.perfplatform.payment.client.webhook.WebhookEvent;
import dev.perfplatform.payment.client.webhook.WebhookVerificationException;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.util.Objects;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Verifies a FluxPay webhook from a WebFlux request's raw body bytes (never a decoded and re-encoded body).
 *
 * <pre>{@code
 * @PostMapping("/webhooks/fluxpay")
 * Mono<ResponseEntity<Void>> receive(ServerHttpRequest request) {
 *     return webhooks.verify(request)
 *             .flatMap(event -> handleOnce(event).thenReturn(ResponseEntity.ok().<Void>build()))
 *             .onErrorReturn(WebhookVerificationException.class, ResponseEntity.badRequest().build());
 * }
 * }</pre>
 */
public final class ReactiveWebhookVerifier {

    /** Largest body read; FluxPay's events are a few kilobytes. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    private final WebhookVerifier verifier;
    private final int maxBodyBytes;

    /** A helper reading at most {@link #DEFAULT_MAX_BODY_BYTES}. */
    public ReactiveWebhookVerifier(WebhookVerifier verifier) {
        this(verifier, DEFAULT_MAX_BODY_BYTES);
    }

    /** A helper reading at most {@code maxBodyBytes}. */
    public ReactiveWebhookVerifier(WebhookVerifier verifier, int maxBodyBytes) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The verified event, or an error: {@link WebhookVerificationException} when a check fails, {@link
     * DataBufferLimitException} when the body is larger than the limit.
     */
    public Mono<WebhookEvent> verify(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .map(ReactiveWebhookVerifier::bytes)
                .defaultIfEmpty(new byte[0])
                .map(body -> verifier.verify(request.getHeaders()::getFirst, body));
    }

    /** The same for a functional endpoint's request. */
    public Mono<WebhookEvent> verify(ServerRequest request) {
        return verify(request.exchange().getRequest());
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
