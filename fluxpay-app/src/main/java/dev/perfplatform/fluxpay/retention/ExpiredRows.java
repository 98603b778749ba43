package dev.perfplatform.fluxpay.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * One batch of each delete retention makes, oldest rows first, skipping rows another transaction holds; each takes
 * the cutoff (rows older are deleted) and the batch size, and emits how many rows went. Children go before their
 * parents: a delivery's attempts with it, events only once no delivery points at them.
 */
@Repository
class ExpiredRows {

    private static final String FINAL_DELIVERIES = """
            WITH doomed AS (
                SELECT id FROM webhook_deliveries d
                WHERE status IN ('SUCCEEDED', 'FAILED', 'DISABLED') AND updated_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries replay WHERE replay.replay_of = d.id)
                ORDER BY updated_at LIMIT :batch FOR UPDATE SKIP LOCKED),
            attempts AS (DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM doomed) RETURNING 1),
            deliveries AS (DELETE FROM webhook_deliveries WHERE id IN (SELECT id FROM doomed) RETURNING 1)
            SELECT (SELECT count(*) FROM deliveries) AS deliveries, (SELECT count(*) FROM attempts) AS attempts""";

    private final DatabaseClient db;

    ExpiredRows(DatabaseClient db) {
        this.db = db;
    }

    /** PG webhook receipts that arrived before the cutoff and are no longer being processed. */
    Mono<Long> pgWebhookReceipts(Instant cutoff, int batch) {
        return delete("""
                        DELETE FROM pg_webhook_receipts WHERE transmission_id IN (
                            SELECT transmission_id FROM pg_webhook_receipts
                            WHERE received_at < :cutoff AND status <> 'RECEIVED'
                            ORDER BY received_at LIMIT :batch FOR UPDATE SKIP LOCKED)""", cutoff, batch);
    }

    /**
     * Deliveries that reached a final state before the cutoff, with their attempts; a delivery a replay points at
     * stays until the replay is gone.
     */
    Mono<Deliveries> webhookDeliveries(Instant cutoff, int batch) {
        return db.sql(FINAL_DELIVERIES)
                .bind("cutoff", at(cutoff))
                .bind("batch", batch)
                .map(row -> new Deliveries(
                        count(row.get("deliveries", Long.class)), count(row.get("attempts", Long.class))))
                .one();
    }

    /** Events created before the cutoff that have no delivery left. */
    Mono<Long> webhookEvents(Instant cutoff, int batch) {
        return delete("""
                        DELETE FROM webhook_events WHERE id IN (
                            SELECT id FROM webhook_events e
                            WHERE created_at < :cutoff
                              AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)
                            ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""", cutoff, batch);
    }

    /** The simulator's payments created before the cutoff. */
    Mono<Long> simPayments(Instant cutoff, int batch) {
        return delete("""
                        DELETE FROM sim_payments WHERE payment_key IN (
                            SELECT payment_key FROM sim_payments WHERE created_at < :cutoff
                            ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""", cutoff, batch);
    }

    /** The simulator's idempotency records created before the cutoff. */
    Mono<Long> simIdempotency(Instant cutoff, int batch) {
        return delete("""
                        DELETE FROM sim_idempotency WHERE scope IN (
                            SELECT scope FROM sim_idempotency WHERE created_at < :cutoff
                            ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""", cutoff, batch);
    }

    private Mono<Long> delete(String sql, Instant cutoff, int batch) {
        return db.sql(sql)
                .bind("cutoff", at(cutoff))
                .bind("batch", batch)
                .fetch()
                .rowsUpdated();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    /** What one batch of deliveries took: the deliveries and their attempts. */
    record Deliveries(long deliveries, long attempts) {}
}
