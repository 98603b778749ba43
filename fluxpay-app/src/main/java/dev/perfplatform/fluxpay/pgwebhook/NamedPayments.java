package dev.perfplatform.fluxpay.pgwebhook;

import dev.perfplatform.fluxpay.payment.Payment;
import dev.perfplatform.fluxpay.payment.PaymentRepository;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The engine's payment a webhook names: by its paymentKey, else by its orderId (the engine's payment id). */
@Component
class NamedPayments {

    private final PaymentRepository payments;

    NamedPayments(PaymentRepository payments) {
        this.payments = payments;
    }

    /** The payment, or empty when the webhook names none of this engine's. */
    Mono<Payment> of(TossWebhook webhook) {
        String paymentKey = webhook.paymentKey();
        Mono<Payment> byKey = paymentKey == null ? Mono.empty() : payments.findByPaymentKey(paymentKey);
        return byKey.switchIfEmpty(Mono.defer(() -> {
            UUID paymentId = uuid(webhook.orderId());
            return paymentId == null ? Mono.empty() : payments.findAnyMerchant(paymentId);
        }));
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
