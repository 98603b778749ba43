package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.idempotency.IdempotencyRecords.Existing;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What claiming an {@code Idempotency-Key} comes to, given the key's record (or none) as read at the database's
 * {@code now}: {@link #decide} is a pure function, and {@link IdempotentRequests} only acts on its answer, with one
 * exhaustive {@code switch}.
 *
 * <p>The time comparisons are the SQL's, to the instant: a record is leased while {@code locked_until > now} (a
 * completed record has no {@code locked_until} and is not leased), and expired once
 * {@code created_at < now - retention}.
 */
enum ClaimDecision {

    /** No record (it went between the insert and the read): claim the key afresh. */
    FRESH,

    /** A completed record of the same request: replay its stored answer. */
    REPLAY,

    /** A record of another endpoint or body: 422 {@code VAL_004}. */
    MISMATCH,

    /** An unfinished record leased by another attempt: 409 {@code VAL_005}. */
    IN_FLIGHT,

    /** An unfinished record whose lease ran out: take it over and resume from its recovery point. */
    TAKE_OVER,

    /** A record older than the retention: delete it and start afresh. */
    EXPIRED;

    /**
     * Decides on a claim.
     *
     * @param existing the key's record, or null when it has none
     * @param endpoint the operation of this request, e.g. {@code POST /orders}
     * @param fingerprint the SHA-256 of this request's body
     * @param now the database's clock, read with the record
     * @param retention how long a record is kept for replay
     */
    static ClaimDecision decide(
            @Nullable Existing existing, String endpoint, byte[] fingerprint, Instant now, Duration retention) {
        if (existing == null) {
            return FRESH;
        }
        if (existing.createdAt().isBefore(now.minus(retention))) {
            return EXPIRED;
        }
        if (!existing.sameRequest(endpoint, fingerprint)) {
            return MISMATCH;
        }
        if (existing.response() != null) {
            return REPLAY;
        }
        Instant lockedUntil = existing.lockedUntil();
        return lockedUntil != null && lockedUntil.isAfter(now) ? IN_FLIGHT : TAKE_OVER;
    }
}
