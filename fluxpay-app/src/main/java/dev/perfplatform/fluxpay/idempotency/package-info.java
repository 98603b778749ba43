/**
 * Idempotency-Key handling: leases, request fingerprints and stored responses replayed byte for byte.
 *
 * <p>{@link dev.perfplatform.fluxpay.idempotency.IdempotentRequests} only sequences the I/O. What a key's record
 * comes to is decided by pure functions, unit-tested branch by branch: {@code ClaimDecision} (fresh, replay,
 * mismatch, in flight, take over, expired; against the database's clock, read with the record) and
 * {@code FailureDecision} (what a failed request does with its key). How far an interrupted request got is a
 * {@link dev.perfplatform.fluxpay.idempotency.RecoveryPoint}, stored by its code.
 */
@NullMarked
package dev.perfplatform.fluxpay.idempotency;

import org.jspecify.annotations.NullMarked;
