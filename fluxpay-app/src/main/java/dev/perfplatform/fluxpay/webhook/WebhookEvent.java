package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.payment.client.webhook.WebhookEventTypes;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event merchants hear of, as the outbox takes it: its type, what it is about, and its data as the merchant API
 * renders it. Each domain decides which of its changes make an event (e.g. {@code PaymentWebhookEvents}); this package
 * knows none of them.
 *
 * @param type one of {@link #TYPES}
 * @param subject the row the event is about; its merchant is the row's
 * @param sequence the subject's change number, for subjects with a change log ({@link Subject#PAYMENT}), else null
 * @param data the payload's {@code data}, serialized as JSON
 */
public record WebhookEvent(
        String type,
        Subject subject,
        UUID subjectId,
        @Nullable Integer sequence,
        Object data) {

    /** Every type this app sends. */
    public static final List<String> TYPES = List.of(
            WebhookEventTypes.PAYMENT_CONFIRMED,
            WebhookEventTypes.PAYMENT_FAILED,
            WebhookEventTypes.PAYMENT_UNKNOWN,
            WebhookEventTypes.PAYMENT_CANCELED,
            WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED,
            WebhookEventTypes.REFUND_SUCCEEDED,
            WebhookEventTypes.REFUND_FAILED);

    public WebhookEvent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not an event type this app sends: " + type);
        }
        if ((sequence != null) != subject.sequenced) {
            throw new IllegalArgumentException(
                    subject + " events " + (subject.sequenced ? "need a" : "take no") + " sequence number");
        }
    }

    /** The kinds of rows events are about, each with its table (which names the merchant) and its outbox columns. */
    public enum Subject {
        /** A payment's status change, numbered by its event log. */
        PAYMENT("payments", true),
        /** A refund's settling: one event per refund and type. */
        REFUND("refunds", false);

        final String table;
        final boolean sequenced;

        Subject(String table, boolean sequenced) {
            this.table = table;
            this.sequenced = sequenced;
        }
    }
}
