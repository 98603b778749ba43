package dev.perfplatform.fluxpay.webhook;

import static dev.perfplatform.fluxpay.Rows.instant;
import static dev.perfplatform.fluxpay.Rows.nullableInstant;
import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;
import static dev.perfplatform.fluxpay.Rows.uuid;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The merchant API's side of the delivery table: pages, one delivery with its attempts, replays; merchant-scoped. */
@Repository
class WebhookDeliveryQueries {

    private static final String COLUMNS = "d.id, d.event_id, e.type, d.status, d.attempts, d.next_attempt_at,"
            + " d.last_attempt_at, d.last_response_status, d.last_error, d.delivered_at, d.replay_of, d.created_at";
    private static final String FROM = " FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id";

    private final DatabaseClient db;

    WebhookDeliveryQueries(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Up to {@code limit} deliveries, newest first, optionally of one event ({@code webhook-id}), type and status,
     * after {@code startingAfter}.
     */
    Flux<WebhookDelivery> list(
            UUID merchantId,
            @Nullable String eventId,
            @Nullable String eventType,
            @Nullable WebhookDeliveryStatus status,
            int limit,
            @Nullable UUID startingAfter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE d.merchant_id = :merchant");
        if (eventId != null) {
            sql.append(" AND d.event_id = :event");
        }
        if (eventType != null) {
            sql.append(" AND e.type = :type");
        }
        if (status != null) {
            sql.append(" AND d.status = :status");
        }
        if (startingAfter != null) {
            sql.append(" AND (d.created_at, d.id) < (SELECT created_at, id FROM webhook_deliveries"
                    + " WHERE id = :after AND merchant_id = :merchant)");
        }
        sql.append(" ORDER BY d.created_at DESC, d.id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec query =
                db.sql(sql.toString()).bind("merchant", merchantId).bind("limit", limit);
        if (eventId != null) {
            query = query.bind("event", eventId);
        }
        if (eventType != null) {
            query = query.bind("type", eventType);
        }
        if (status != null) {
            query = query.bind("status", status.name());
        }
        if (startingAfter != null) {
            query = query.bind("after", startingAfter);
        }
        return query.map(WebhookDeliveryQueries::delivery).all();
    }

    /** The delivery with its event's payload and its attempts; empty when it is not the merchant's. */
    Mono<Detailed> find(UUID merchantId, UUID deliveryId) {
        return db.sql("SELECT " + COLUMNS + ", e.payload" + FROM + " WHERE d.id = :id AND d.merchant_id = :merchant")
                .bind("id", deliveryId)
                .bind("merchant", merchantId)
                .map(row -> new Detailed(delivery(row), string(row, "payload")))
                .one();
    }

    Flux<WebhookDelivery.Attempt> attempts(UUID deliveryId) {
        return db.sql("SELECT attempt, attempted_at, response_status, error, duration_ms FROM webhook_attempts"
                        + " WHERE delivery_id = :id ORDER BY attempt")
                .bind("id", deliveryId)
                .map(row -> new WebhookDelivery.Attempt(
                        (int) number(row, "attempt"),
                        instant(row, "attempted_at"),
                        row.get("response_status", Integer.class),
                        row.get("error", String.class),
                        number(row, "duration_ms")))
                .all();
    }

    /**
     * Queues the merchant's delivery's event for sending again, as a new PENDING delivery {@code replayId} due now with
     * the same webhook-id; empty when the delivery is not the merchant's or its endpoint is missing or disabled.
     */
    Mono<UUID> replay(UUID merchantId, UUID deliveryId, UUID replayId, Instant now) {
        return db.sql("""
                        INSERT INTO webhook_deliveries (id, event_id, merchant_id, status, next_attempt_at, replay_of,
                                                        created_at, updated_at)
                        SELECT :replay, d.event_id, d.merchant_id, 'PENDING', :now, d.id, :now, :now
                        FROM webhook_deliveries d JOIN merchants m ON m.id = d.merchant_id
                        WHERE d.id = :id AND d.merchant_id = :merchant
                          AND m.webhook_url IS NOT NULL AND m.webhook_disabled_at IS NULL
                        RETURNING id""")
                .bind("replay", replayId)
                .bind("id", deliveryId)
                .bind("merchant", merchantId)
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map(row -> uuid(row, "id"))
                .one();
    }

    private static WebhookDelivery delivery(Readable row) {
        WebhookDeliveryStatus status = WebhookDeliveryStatus.valueOf(string(row, "status"));
        boolean waiting = status == WebhookDeliveryStatus.PENDING || status == WebhookDeliveryStatus.DELIVERING;
        return new WebhookDelivery(
                uuid(row, "id"),
                string(row, "event_id"),
                string(row, "type"),
                status,
                (int) number(row, "attempts"),
                waiting ? nullableInstant(row, "next_attempt_at") : null,
                nullableInstant(row, "last_attempt_at"),
                row.get("last_response_status", Integer.class),
                row.get("last_error", String.class),
                nullableInstant(row, "delivered_at"),
                row.get("replay_of", UUID.class),
                instant(row, "created_at"),
                null,
                null);
    }

    /** A delivery and its event's payload as sent. */
    record Detailed(WebhookDelivery delivery, String payload) {}
}
