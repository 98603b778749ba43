package dev.perfplatform.fluxpay.pg;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the PG said about a payment, classified once, in the adapter. */
public sealed interface PgOutcome {

    /**
     * The PG took the money: {@code amount} is what it approved, which the engine checks against its own;
     * {@code balanceAmount} is what is left after the cancels the PG knows of (Toss's {@code balanceAmount}), so
     * {@code amount - balanceAmount} has gone back to the payer.
     */
    record Approved(String paymentKey, long amount, Instant approvedAt, long balanceAmount) implements PgOutcome {

        /** An approval with nothing canceled yet. */
        public Approved(String paymentKey, long amount, Instant approvedAt) {
            this(paymentKey, amount, approvedAt, amount);
        }

        /** What the PG has canceled of this payment. */
        public long canceledAmount() {
            return amount - balanceAmount;
        }
    }

    /** The PG definitively refused; no money moved. */
    record Declined(String code, String message) implements PgOutcome {}

    /**
     * The outcome is not known (timeout, 5xx, connection lost, still in progress): the customer may have been
     * charged, so the payment must be re-queried, never marked failed. {@code pgStatus} is the status the PG reported
     * when it did answer with a payment still on its way ({@code READY}, {@code IN_PROGRESS},
     * {@code WAITING_FOR_DEPOSIT}); null when there was no usable answer.
     */
    record Unknown(String reason, @Nullable String pgStatus) implements PgOutcome {

        /** No usable answer from the PG. */
        public Unknown(String reason) {
            this(reason, null);
        }

        /** Whether the PG answered, with a payment it has not settled yet. */
        public boolean pgAnswered() {
            return pgStatus != null;
        }
    }
}
