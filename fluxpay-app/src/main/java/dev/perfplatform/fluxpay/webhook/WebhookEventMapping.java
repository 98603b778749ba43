package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.fluxpay.payment.PaymentStatus;
import dev.perfplatform.fluxpay.refund.RefundStatus;
import dev.perfplatform.payment.client.webhook.WebhookEventTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Which status changes merchants hear about, and as which event type: the one place this is decided. */
final class WebhookEventMapping {

    /** Every type this app sends. */
    static final List<String> TYPES = List.of(
            WebhookEventTypes.PAYMENT_CONFIRMED,
            WebhookEventTypes.PAYMENT_FAILED,
            WebhookEventTypes.PAYMENT_UNKNOWN,
            WebhookEventTypes.PAYMENT_CANCELED,
            WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED,
            WebhookEventTypes.REFUND_SUCCEEDED,
            WebhookEventTypes.REFUND_FAILED);

    private WebhookEventMapping() {}

    /** The event of a payment's move to {@code status}, or null when there is none. */
    static @Nullable String forPayment(PaymentStatus status) {
        switch (status) {
            case DONE:
                return WebhookEventTypes.PAYMENT_CONFIRMED;
            case ABORTED:
            case EXPIRED:
                return WebhookEventTypes.PAYMENT_FAILED;
            case UNKNOWN:
                return WebhookEventTypes.PAYMENT_UNKNOWN;
            case CANCELED:
                return WebhookEventTypes.PAYMENT_CANCELED;
            case PARTIAL_CANCELED:
                return WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED;
            default:
                return null;
        }
    }

    /** The event of a refund settling as {@code status}, or null when there is none. */
    static @Nullable String forRefund(RefundStatus status) {
        switch (status) {
            case SUCCEEDED:
                return WebhookEventTypes.REFUND_SUCCEEDED;
            case FAILED:
                return WebhookEventTypes.REFUND_FAILED;
            default:
                return null;
        }
    }
}
