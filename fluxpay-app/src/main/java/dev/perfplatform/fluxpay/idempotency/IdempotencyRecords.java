package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.api.RenderedResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code idempotency_keys} table. Every time comparison uses the database's clock: the statements compare with
 * {@code now()}, and {@link #find} returns {@code now()} with the row for {@link ClaimDecision} to compare with.
 */
@Repository
class IdempotencyRecords {

    private final DatabaseClient db;

    IdempotencyRecords(DatabaseClient db) {
        this.db = db;
    }

    /** Claims a new key with a lease; false when the key already has a record. */
    Mono<Boolean> insert(Scope scope, String endpoint, byte[] requestHash, UUID token, Duration lease) {
        return db.sql("""
                        INSERT INTO idempotency_keys
                            (merchant_id, idempotency_key, endpoint, request_hash, lease_token, locked_until)
                        VALUES (:merchant, :key, :endpoint, :hash, :token, now() + make_interval(secs => :lease))
                        ON CONFLICT (merchant_id, idempotency_key) DO NOTHING""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .bind("endpoint", endpoint)
                .bind("hash", requestHash)
                .bind("token", token)
                .bind("lease", seconds(lease))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * The key's record, or none, with the database's {@code now()} read in the same statement: the claim decides
     * against the database's clock, as every time comparison of this table does.
     */
    Mono<Lookup> find(Scope scope) {
        return db.sql("""
                        SELECT clock.now, k.endpoint, k.request_hash, k.response_status, k.response_body,
                               k.created_at, k.locked_until
                        FROM (SELECT now() AS now) AS clock
                        LEFT JOIN idempotency_keys k ON k.merchant_id = :merchant AND k.idempotency_key = :key""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .map((row, meta) -> {
                    Instant now = required(row.get("now", Instant.class), "now");
                    String endpoint = row.get("endpoint", String.class);
                    if (endpoint == null) {
                        return new Lookup(null, now);
                    }
                    Integer status = row.get("response_status", Integer.class);
                    byte[] body = row.get("response_body", byte[].class);
                    return new Lookup(
                            new Existing(
                                    endpoint,
                                    required(row.get("request_hash", byte[].class), "request_hash"),
                                    status == null || body == null ? null : new RenderedResponse(status, body),
                                    required(row.get("created_at", Instant.class), "created_at"),
                                    row.get("locked_until", Instant.class)),
                            now);
                })
                .one();
    }

    /**
     * Takes over an unfinished record whose lease ran out, returning its recovery point; empty when someone else holds
     * or finished it.
     */
    Mono<RecoveryPoint> takeOver(Scope scope, UUID token, Duration lease) {
        return db.sql("""
                        UPDATE idempotency_keys
                        SET lease_token = :token, locked_until = now() + make_interval(secs => :lease)
                        WHERE merchant_id = :merchant AND idempotency_key = :key
                          AND response_status IS NULL AND locked_until <= now()
                        RETURNING recovery_point""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .bind("token", token)
                .bind("lease", seconds(lease))
                .map(row -> RecoveryPoint.ofCode(row.get("recovery_point", String.class)))
                .one();
    }

    /** Records how far this holder got and renews its lease; false when it no longer holds the key. */
    Mono<Boolean> checkpoint(Scope scope, UUID token, RecoveryPoint recoveryPoint, Duration lease) {
        return db.sql("""
                        UPDATE idempotency_keys
                        SET recovery_point = :point, locked_until = now() + make_interval(secs => :lease)
                        WHERE merchant_id = :merchant AND idempotency_key = :key
                          AND lease_token = :token AND response_status IS NULL""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .bind("token", token)
                .bind("point", recoveryPoint.code())
                .bind("lease", seconds(lease))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Stores the answer if this holder still owns the lease; false otherwise (another attempt took over). */
    Mono<Boolean> complete(Scope scope, UUID token, RenderedResponse response) {
        return db.sql("""
                        UPDATE idempotency_keys
                        SET response_status = :status, response_body = :body, locked_until = NULL
                        WHERE merchant_id = :merchant AND idempotency_key = :key
                          AND lease_token = :token AND response_status IS NULL""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .bind("token", token)
                .bind("status", response.status())
                .bind("body", response.body())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Forgets an unfinished record this holder owns (the request was rejected before doing anything). */
    Mono<Void> release(Scope scope, UUID token) {
        return db.sql("""
                        DELETE FROM idempotency_keys
                        WHERE merchant_id = :merchant AND idempotency_key = :key
                          AND lease_token = :token AND response_status IS NULL""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .bind("token", token)
                .then();
    }

    /** Deletes a record older than the retention, so its key starts afresh. */
    Mono<Void> deleteExpired(Scope scope, Duration retention) {
        return db.sql("""
                        DELETE FROM idempotency_keys
                        WHERE merchant_id = :merchant AND idempotency_key = :key
                          AND created_at < now() - make_interval(secs => :retention)""")
                .bind("merchant", scope.merchantId())
                .bind("key", scope.key())
                .bind("retention", seconds(retention))
                .then();
    }

    /** Deletes up to {@code batch} of the oldest records past the retention that no one holds; returns how many. */
    Mono<Long> deleteExpired(Duration retention, int batch) {
        return db.sql("""
                        DELETE FROM idempotency_keys WHERE (merchant_id, idempotency_key) IN (
                            SELECT merchant_id, idempotency_key FROM idempotency_keys
                            WHERE created_at < now() - make_interval(secs => :retention)
                            ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .bind("retention", seconds(retention))
                .bind("batch", batch)
                .fetch()
                .rowsUpdated();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static <T> T required(@Nullable T value, String column) {
        if (value == null) {
            throw new IllegalStateException("idempotency_keys." + column + " read as null");
        }
        return value;
    }

    /** A key of one merchant. */
    record Scope(UUID merchantId, String key) {}

    /** What {@link #find} read: the key's record, or null when it has none, and the database's {@code now()}. */
    record Lookup(@Nullable Existing existing, Instant now) {

        /** The answer of a completed record, to replay. */
        RenderedResponse storedAnswer() {
            RenderedResponse answer = existing == null ? null : existing.response();
            if (answer == null) {
                throw new IllegalStateException("The key has no stored answer");
            }
            return answer;
        }
    }

    /**
     * What a key already holds: its request, its answer once completed, when it was created and, while unfinished,
     * until when its holder's lease runs ({@code lockedUntil}, null once completed).
     */
    @SuppressWarnings("ArrayRecordComponent") // read once and compared only by sameRequest, with Arrays.equals
    record Existing(
            String endpoint,
            byte[] requestHash,
            @Nullable RenderedResponse response,
            Instant createdAt,
            @Nullable Instant lockedUntil) {
        boolean sameRequest(String otherEndpoint, byte[] otherHash) {
            return endpoint.equals(otherEndpoint) && Arrays.equals(requestHash, otherHash);
        }
    }
}
