package dev.perfplatform.fluxpay.pg;

import java.time.Instant;

/** What the PG said about a payment, classified once, in the adapter. */
public sealed interface PgOutcome {

    /** The PG took the money: {@code amount} is what it approved, which the engine checks against its own. */
    record Approved(String paymentKey, long amount, Instant approvedAt) implements PgOutcome {}

    /** The PG definitively refused; no money moved. */
    record Declined(String code, String message) implements PgOutcome {}

    /**
     * The outcome is not known (timeout, 5xx, connection lost, still in progress): the customer may have been
     * charged, so the payment must be re-queried, never marked failed.
     */
    record Unknown(String reason) implements PgOutcome {}
}
