package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.payment.client.webhook.WebhookSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
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

    /** Records {@code event} with its pending delivery, in the caller's transaction. */
    public Mono<Void> enqueue(WebhookEvent event) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            String payload = json.writeValueAsString(new EventPayload(event.type(), now, event.data()));
            boolean payment = event.subject() == WebhookEvent.Subject.PAYMENT;
            DatabaseClient.GenericExecuteSpec insert = db.sql(enqueueSql(event.subject().table))
                    .bind("subject", event.subjectId())
                    .bind("eventId", WebhookSigner.newWebhookId())
                    .bind("type", event.type())
                    .bind("payload", payload)
                    .bind("deliveryId", UUID.randomUUID())
                    .bind("now", now.atOffset(ZoneOffset.UTC));
            insert = payment ? insert.bind("paymentId", event.subjectId()) : insert.bindNull("paymentId", UUID.class);
            Integer sequence = event.sequence();
            insert = sequence == null
                    ? insert.bindNull("paymentSeq", Integer.class)
                    : insert.bind("paymentSeq", sequence);
            insert = payment ? insert.bindNull("refundId", UUID.class) : insert.bind("refundId", event.subjectId());
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
