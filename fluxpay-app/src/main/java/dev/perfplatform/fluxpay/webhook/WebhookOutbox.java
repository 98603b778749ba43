package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.fluxpay.payment.Payment;
import dev.perfplatform.fluxpay.refund.Refund;
import dev.perfplatform.payment.client.webhook.WebhookSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the events merchants are told about, with one pending delivery each, in the caller's transaction: the state
 * change and its event commit together or not at all. A merchant without a webhook URL gets no rows; one whose
 * endpoint is disabled gets the event with its delivery already DISABLED (replayable once the endpoint is back).
 */
@Component
public class WebhookOutbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookOutbox(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** The event of a payment's status change number {@code seq} (its payment_events row), if merchants hear of it. */
    public Mono<Void> paymentChanged(Payment payment, int seq) {
        String type = WebhookEventMapping.forPayment(payment.status());
        if (type == null) {
            return Mono.empty();
        }
        return enqueue("payments", payment.paymentId(), type, payment, payment.paymentId(), seq, null);
    }

    /** The event of a refund's settling, if merchants hear of it. */
    public Mono<Void> refundSettled(Refund refund) {
        String type = WebhookEventMapping.forRefund(refund.status());
        if (type == null) {
            return Mono.empty();
        }
        return enqueue("refunds", refund.refundId(), type, refund, null, null, refund.refundId());
    }

    private Mono<Void> enqueue(
            String table,
            UUID subject,
            String type,
            Object data,
            @Nullable UUID paymentId,
            @Nullable Integer paymentSeq,
            @Nullable UUID refundId) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            String payload = json.writeValueAsString(new EventPayload(type, now, data));
            DatabaseClient.GenericExecuteSpec insert = db.sql(enqueueSql(table))
                    .bind("subject", subject)
                    .bind("eventId", WebhookSigner.newWebhookId())
                    .bind("type", type)
                    .bind("payload", payload)
                    .bind("deliveryId", UUID.randomUUID())
                    .bind("now", now.atOffset(ZoneOffset.UTC));
            insert = paymentId == null ? insert.bindNull("paymentId", UUID.class) : insert.bind("paymentId", paymentId);
            insert = paymentSeq == null
                    ? insert.bindNull("paymentSeq", Integer.class)
                    : insert.bind("paymentSeq", paymentSeq);
            insert = refundId == null ? insert.bindNull("refundId", UUID.class) : insert.bind("refundId", refundId);
            return insert.then();
        });
    }

    /** The Standard Webhooks payload: {@code {type, timestamp, data}}, data as the merchant API renders it. */
    private record EventPayload(String type, Instant timestamp, Object data) {}

    /** One event of a row of {@code table} and its delivery, for the merchant that owns the row. */
    private static String enqueueSql(String table) {
        return String.format("""
                WITH target AS (
                    SELECT m.id AS merchant_id, m.webhook_disabled_at IS NOT NULL AS disabled
                    FROM %s s JOIN merchants m ON m.id = s.merchant_id
                    WHERE s.id = :subject AND m.webhook_url IS NOT NULL),
                event AS (
                    INSERT INTO webhook_events (id, merchant_id, type, payload, payment_id, payment_seq, refund_id,
                                                created_at)
                    SELECT :eventId, merchant_id, :type, :payload, :paymentId, :paymentSeq, :refundId, :now FROM target
                    RETURNING id, merchant_id)
                INSERT INTO webhook_deliveries (id, event_id, merchant_id, status, next_attempt_at, last_error,
                                                created_at, updated_at)
                SELECT :deliveryId, event.id, event.merchant_id,
                       CASE WHEN target.disabled THEN 'DISABLED' ELSE 'PENDING' END,
                       CASE WHEN target.disabled THEN NULL ELSE :now END,
                       CASE WHEN target.disabled THEN 'the endpoint is disabled' END,
                       :now, :now
                FROM event, target""", table);
    }
}
