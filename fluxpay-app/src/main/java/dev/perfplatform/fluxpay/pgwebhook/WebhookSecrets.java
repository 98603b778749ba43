package dev.perfplatform.fluxpay.pgwebhook;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.payment.PaymentRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * TossPayments' per-payment secret, the one thing in its payment webhooks a forger cannot know: the PG's answers to
 * the engine carry it (kept as SHA-256 in {@code payments.pg_secret_hash}, from the confirm or a look-up), and its
 * virtual-account webhooks repeat it. A webhook carrying a secret that differs from the one kept for the payment it
 * names is a forgery. A webhook without one (card payments, cancel events), or about a payment the engine keeps no
 * secret for, is not judged here: it is only a hint either way, and the PG look-up decides.
 */
@Component
class WebhookSecrets {

    private final NamedPayments named;
    private final PaymentRepository payments;

    WebhookSecrets(NamedPayments named, PaymentRepository payments) {
        this.named = named;
        this.payments = payments;
    }

    /** Whether the webhook carries a secret and the engine keeps another one for the payment it names. */
    Mono<Boolean> contradicts(TossWebhook webhook) {
        String secret = webhook.secret();
        if (secret == null || !webhook.namesPayment()) {
            return Mono.just(false);
        }
        byte[] carried = Sha256.of(secret.getBytes(StandardCharsets.UTF_8));
        return named.of(webhook)
                .flatMap(payment -> payments.pgSecretHash(payment.paymentId()))
                .map(kept -> !MessageDigest.isEqual(kept, carried))
                .defaultIfEmpty(false);
    }
}
