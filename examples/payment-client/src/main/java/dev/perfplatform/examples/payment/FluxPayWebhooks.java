package dev.perfplatform.examples.payment;

import dev.perfplatform.payment.client.spring.webflux.ReactiveWebhookVerifier;
import dev.perfplatform.payment.client.webhook.WebhookVerificationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * FluxPay's webhooks: each request is verified from its raw body bytes against {@code FLUXPAY_WEBHOOK_SECRET}
 * (signature, and a timestamp within 5 minutes), handled once per {@code webhook-id}, and answered 200 — also for a
 * repeat, so FluxPay stops sending it. A request that fails verification is answered 400 and never handled.
 */
@RestController
class FluxPayWebhooks {

    private static final Logger log = LoggerFactory.getLogger(FluxPayWebhooks.class);

    private final ReactiveWebhookVerifier verifier;
    private final ReceivedEvents events;

    FluxPayWebhooks(ObjectProvider<ReactiveWebhookVerifier> verifier, ReceivedEvents events) {
        // payment-client-spring-boot-starter defines the verifier only when fluxpay.client.webhook.secrets is set.
        this.verifier = verifier.getIfAvailable(() -> {
            throw new IllegalStateException(
                    "set FLUXPAY_WEBHOOK_SECRET (fluxpay.client.webhook.secrets) to the merchant's whsec_ secret");
        });
        this.events = events;
    }

    /** Where FluxPay sends events ({@code FLUXPAY_MERCHANT_WEBHOOK_URL} on the FluxPay side). */
    @PostMapping("/webhooks/fluxpay")
    Mono<ResponseEntity<Void>> receive(ServerHttpRequest request) {
        return verifier.verify(request)
                .map(events::handleOnce)
                .map(handled -> ResponseEntity.ok().<Void>build())
                .onErrorResume(WebhookVerificationException.class, e -> {
                    log.warn("refused a webhook: {}", e.reason()); // the reason only: never a header or the body
                    return Mono.just(ResponseEntity.badRequest().build());
                })
                .onErrorReturn(
                        DataBufferLimitException.class,
                        ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build());
    }

    /** The events handled so far, to watch the demo (not something to expose in a real app). */
    @GetMapping("/webhooks/fluxpay/received")
    List<ReceivedEvents.Received> received() {
        return events.all();
    }
}
