package dev.perfplatform.fluxpay.webhook;

import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;
import static dev.perfplatform.fluxpay.Rows.uuid;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The worker's side of the delivery table: claiming due rows under a lease, recording attempts, disabling endpoints.
 * Times come from the caller (the app's clock), never from the database, so one clock schedules every attempt. A
 * write after an attempt only lands while the worker still holds the row's lease.
 */
@Repository
class WebhookDeliveryRepository {

    private final DatabaseClient db;

    WebhookDeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Claims up to {@code limit} due deliveries (PENDING and due, or DELIVERING with a lease run out: their worker
     * died) for {@code lease}, skipping rows other workers are claiming.
     */
    Flux<ClaimedDelivery> claimDue(Instant now, Duration lease, int limit) {
        return db.sql("""
                        WITH claimed AS (
                            UPDATE webhook_deliveries d
                            SET status = 'DELIVERING', lease_until = :leaseUntil, lease_token = :token, updated_at = :now
                            WHERE d.id IN (SELECT id FROM webhook_deliveries
                                           WHERE (status = 'PENDING' AND next_attempt_at <= :now)
                                              OR (status = 'DELIVERING' AND lease_until <= :now)
                                           ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                            RETURNING d.id, d.event_id, d.merchant_id, d.attempts, d.lease_token)
                        SELECT c.id, c.event_id, c.merchant_id, c.attempts, c.lease_token, e.type, e.payload,
                               m.webhook_url, m.webhook_secret, m.webhook_disabled_at IS NOT NULL AS disabled,
                               CASE WHEN m.previous_webhook_secret_expires_at > :now
                                    THEN m.previous_webhook_secret END AS previous_secret
                        FROM claimed c
                        JOIN webhook_events e ON e.id = c.event_id
                        JOIN merchants m ON m.id = c.merchant_id""")
                .bind("now", utc(now))
                .bind("leaseUntil", utc(now.plus(lease)))
                .bind("token", UUID.randomUUID())
                .bind("limit", limit)
                .map(row -> new ClaimedDelivery(
                        uuid(row, "id"),
                        string(row, "event_id"),
                        uuid(row, "merchant_id"),
                        (int) number(row, "attempts"),
                        uuid(row, "lease_token"),
                        string(row, "type"),
                        string(row, "payload"),
                        row.get("webhook_url", String.class),
                        row.get("webhook_secret", String.class),
                        row.get("previous_secret", String.class),
                        Boolean.TRUE.equals(row.get("disabled", Boolean.class))))
                .all();
    }

    /**
     * Records the attempt and moves the delivery to {@code status} ({@code nextAttemptAt} for PENDING); false when the
     * lease was lost meanwhile (another worker reclaimed the row), in which case nothing is written.
     */
    Mono<Boolean> recordAttempt(
            ClaimedDelivery delivery,
            AttemptResult result,
            Instant attemptedAt,
            WebhookDeliveryStatus status,
            @Nullable Instant nextAttemptAt) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        WITH updated AS (
                            UPDATE webhook_deliveries
                            SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                                lease_until = NULL, lease_token = NULL, last_attempt_at = :at,
                                last_response_status = :responseStatus, last_error = :error,
                                delivered_at = CASE WHEN :status = 'SUCCEEDED' THEN :at END, updated_at = :at
                            WHERE id = :id AND lease_token = :token AND status = 'DELIVERING'
                            RETURNING id, attempts)
                        INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, response_status, error,
                                                      duration_ms)
                        SELECT id, attempts, :at, :responseStatus, :error, :durationMs FROM updated""")
                .bind("id", delivery.id())
                .bind("token", delivery.leaseToken())
                .bind("status", status.name())
                .bind("at", utc(attemptedAt))
                .bind("durationMs", result.took().toMillis());
        update = nextAttemptAt == null
                ? update.bindNull("next", OffsetDateTime.class)
                : update.bind("next", utc(nextAttemptAt));
        update = result.responseStatus() == null
                ? update.bindNull("responseStatus", Integer.class)
                : update.bind("responseStatus", result.responseStatus());
        update = result.error() == null ? update.bindNull("error", String.class) : update.bind("error", result.error());
        return update.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Marks a claimed delivery DISABLED without an attempt: its endpoint is disabled or gone. */
    Mono<Boolean> markDisabled(ClaimedDelivery delivery, String reason, Instant at) {
        return db.sql("""
                        UPDATE webhook_deliveries
                        SET status = 'DISABLED', next_attempt_at = NULL, lease_until = NULL, lease_token = NULL,
                            last_error = :reason, updated_at = :at
                        WHERE id = :id AND lease_token = :token AND status = 'DELIVERING'""")
                .bind("id", delivery.id())
                .bind("token", delivery.leaseToken())
                .bind("reason", reason)
                .bind("at", utc(at))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Disables the merchant's endpoint and every delivery of it still waiting; call inside a transaction. */
    Mono<Void> disableEndpoint(UUID merchantId, Instant at) {
        Mono<Long> merchant = db.sql("UPDATE merchants SET webhook_disabled_at = COALESCE(webhook_disabled_at, :at)"
                        + " WHERE id = :merchant")
                .bind("merchant", merchantId)
                .bind("at", utc(at))
                .fetch()
                .rowsUpdated();
        Mono<Long> waiting = db.sql("""
                        UPDATE webhook_deliveries
                        SET status = 'DISABLED', next_attempt_at = NULL, last_error = 'the endpoint is disabled',
                            updated_at = :at
                        WHERE merchant_id = :merchant AND status = 'PENDING'""")
                .bind("merchant", merchantId)
                .bind("at", utc(at))
                .fetch()
                .rowsUpdated();
        return merchant.then(waiting).then();
    }

    /** Deliveries due and not delivered: PENDING with their attempt due, and DELIVERING. */
    Mono<Long> backlog(Instant now) {
        return db.sql("SELECT count(*) AS backlog FROM webhook_deliveries"
                        + " WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR status = 'DELIVERING'")
                .bind("now", utc(now))
                .map(row -> number(row, "backlog"))
                .one();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A delivery a worker holds, with what it needs to send it. */
    record ClaimedDelivery(
            UUID id,
            String webhookId,
            UUID merchantId,
            int attempts,
            UUID leaseToken,
            String type,
            String payload,
            @Nullable String url,
            @Nullable String secret,
            @Nullable String previousSecret,
            boolean endpointDisabled) {

        /** The secrets to sign with: the current one, and the previous one during a rotation's grace period. */
        List<String> signingSecrets() {
            List<String> secrets = new ArrayList<>(2);
            if (secret != null) {
                secrets.add(secret);
            }
            if (previousSecret != null) {
                secrets.add(previousSecret);
            }
            return secrets;
        }

        @Override
        public String toString() {
            return "ClaimedDelivery[id=" + id + ", webhookId=" + webhookId + ", type=" + type + ", attempts=" + attempts
                    + "]";
        }
    }
}
