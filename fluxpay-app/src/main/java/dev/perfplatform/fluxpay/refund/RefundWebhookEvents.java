package dev.perfplatform.fluxpay.refund;

import dev.perfplatform.fluxpay.webhook.WebhookEvent;
import dev.perfplatform.payment.client.webhook.WebhookEventTypes;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which refund outcomes merchants hear about, and as which event type: the one place this is decided. */
final class RefundWebhookEvents {

    private RefundWebhookEvents() {}

    /** The event of the refund's settling, if merchants hear of it. */
    static Optional<WebhookEvent> of(Refund refund) {
        String type = typeOf(refund.status());
        return type == null
                ? Optional.empty()
                : Optional.of(new WebhookEvent(type, WebhookEvent.Subject.REFUND, refund.refundId(), null, refund));
    }

    /** The event of a refund settling as {@code status}, or null when there is none. */
    static @Nullable String typeOf(RefundStatus status) {
        return switch (status) {
            case SUCCEEDED -> WebhookEventTypes.REFUND_SUCCEEDED;
            case FAILED -> WebhookEventTypes.REFUND_FAILED;
            case PENDING, UNKNOWN, NEEDS_ATTENTION -> null;
        };
    }
}
