package dev.perfplatform.fluxpay.pgwebhook;

import static dev.perfplatform.fluxpay.Rows.instant;
import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The receipts of inbound PG webhooks, one per transmission id. A RECEIVED receipt belongs to whoever holds its lease
 * ({@code next_attempt_at} in the future); it ends PROCESSED, IGNORED or FAILED, once. {@code received_at} is the
 * app clock's time just before the first delivery was stored, the clock {@link CoalescedLookups} times look-ups by.
 */
@Repository
class WebhookReceipts {

    private static final String COLUMNS =
            "transmission_id, event_type, payment_key, order_id, claimed_status, retried_count, attempts, received_at";

    private final DatabaseClient db;
    private final Clock clock;

    WebhookReceipts(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records a first delivery, leased to the caller for {@code lease} as its first attempt; empty when the
     * transmission id was received before.
     */
    Mono<Receipt> insert(String transmissionId, TossWebhook webhook, int retriedCount, Duration lease) {
        DatabaseClient.GenericExecuteSpec insert = db.sql(
                        "INSERT INTO pg_webhook_receipts (transmission_id, event_type, payment_key, order_id,"
                                + " claimed_status, retried_count, status, attempts, next_attempt_at, received_at)"
                                + " VALUES (:id, :type, :paymentKey, :orderId, :claimed, :retried, 'RECEIVED', 1,"
                                + " now() + make_interval(secs => :lease), :received)"
                                + " ON CONFLICT (transmission_id) DO NOTHING RETURNING " + COLUMNS)
                .bind("id", transmissionId)
                .bind("received", clock.instant().atOffset(ZoneOffset.UTC))
                .bind("type", webhook.type().name())
                .bind("retried", retriedCount)
                .bind("lease", seconds(lease));
        insert = bindNullable(insert, "paymentKey", webhook.paymentKey());
        insert = bindNullable(insert, "orderId", webhook.orderId());
        insert = bindNullable(insert, "claimed", webhook.claimedStatus());
        return insert.map(WebhookReceipts::receipt).one();
    }

    /** Claims up to {@code limit} RECEIVED receipts whose lease or retry wait is over, as their next attempt. */
    Flux<Receipt> claimDue(int limit, Duration lease) {
        return db.sql("""
                        UPDATE pg_webhook_receipts SET attempts = attempts + 1,
                            next_attempt_at = now() + make_interval(secs => :lease)
                        WHERE transmission_id IN (SELECT transmission_id FROM pg_webhook_receipts
                                                  WHERE status = 'RECEIVED' AND next_attempt_at <= now()
                                                  ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .bind("lease", seconds(lease))
                .bind("limit", limit)
                .map(WebhookReceipts::receipt)
                .all();
    }

    /** Ends a RECEIVED receipt; false when it had already ended. */
    Mono<Boolean> finish(String transmissionId, ReceiptStatus status, String result) {
        return db.sql("UPDATE pg_webhook_receipts SET status = :status, result = :result, next_attempt_at = NULL,"
                        + " processed_at = now() WHERE transmission_id = :id AND status = 'RECEIVED'")
                .bind("id", transmissionId)
                .bind("status", status.name())
                .bind("result", result)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Leaves a RECEIVED receipt for another attempt after {@code wait}. */
    Mono<Void> retryLater(String transmissionId, Duration wait, String result) {
        return db.sql("UPDATE pg_webhook_receipts SET result = :result,"
                        + " next_attempt_at = now() + make_interval(secs => :wait)"
                        + " WHERE transmission_id = :id AND status = 'RECEIVED'")
                .bind("id", transmissionId)
                .bind("wait", seconds(wait))
                .bind("result", result)
                .then();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Receipt receipt(Readable row) {
        return new Receipt(
                string(row, "transmission_id"),
                new TossWebhook(
                        TossWebhook.Type.valueOf(string(row, "event_type")),
                        row.get("payment_key", String.class),
                        row.get("order_id", String.class),
                        row.get("claimed_status", String.class),
                        null),
                (int) number(row, "retried_count"),
                (int) number(row, "attempts"),
                instant(row, "received_at"));
    }

    /**
     * A received webhook, how many attempts at processing it have started, and when it was first received (the secret
     * a body carried is checked before it is stored, and not kept).
     */
    record Receipt(String transmissionId, TossWebhook webhook, int retriedCount, int attempts, Instant received) {}
}
