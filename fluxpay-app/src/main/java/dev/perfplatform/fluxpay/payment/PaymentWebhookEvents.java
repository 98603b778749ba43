package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.webhook.WebhookEvent;
import dev.perfplatform.payment.client.webhook.WebhookEventTypes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which payment status changes merchants hear about, and as which event type: the one place this is decided. */
final class PaymentWebhookEvents {

    private PaymentWebhookEvents() {}

    /** The event of the payment's status change number {@code seq} (its payment_events row), if merchants hear of it. */
    static Optional<WebhookEvent> of(Payment payment, int seq) {
        String type = typeOf(payment.status());
        return type == null
                ? Optional.empty()
                : Optional.of(new WebhookEvent(type, WebhookEvent.Subject.PAYMENT, payment.paymentId(), seq, payment));
    }

    /** The event of a payment's move to {@code status}, or null when there is none. */
    static @Nullable String typeOf(PaymentStatus status) {
        return switch (status) {
            case DONE -> WebhookEventTypes.PAYMENT_CONFIRMED;
            case ABORTED, EXPIRED -> WebhookEventTypes.PAYMENT_FAILED;
            case UNKNOWN -> WebhookEventTypes.PAYMENT_UNKNOWN;
            case CANCELED -> WebhookEventTypes.PAYMENT_CANCELED;
            case PARTIAL_CANCELED -> WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED;
            case READY, IN_PROGRESS, NEEDS_ATTENTION -> null;
        };
    }
}
