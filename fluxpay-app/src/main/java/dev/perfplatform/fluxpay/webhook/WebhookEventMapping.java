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
        return switch (status) {
            case DONE -> WebhookEventTypes.PAYMENT_CONFIRMED;
            case ABORTED, EXPIRED -> WebhookEventTypes.PAYMENT_FAILED;
            case UNKNOWN -> WebhookEventTypes.PAYMENT_UNKNOWN;
            case CANCELED -> WebhookEventTypes.PAYMENT_CANCELED;
            case PARTIAL_CANCELED -> WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED;
            case READY, IN_PROGRESS, NEEDS_ATTENTION -> null;
        };
    }

    /** The event of a refund settling as {@code status}, or null when there is none. */
    static @Nullable String forRefund(RefundStatus status) {
        return switch (status) {
            case SUCCEEDED -> WebhookEventTypes.REFUND_SUCCEEDED;
            case FAILED -> WebhookEventTypes.REFUND_FAILED;
            case PENDING, UNKNOWN, NEEDS_ATTENTION -> null;
        };
    }
}
