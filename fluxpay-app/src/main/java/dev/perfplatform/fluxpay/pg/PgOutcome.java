package dev.perfplatform.fluxpay.pg;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the PG said about a payment, classified once, in the adapter. */
public sealed interface PgOutcome {

    /**
     * The payment's secret when the PG's Payment object carried one (TossPayments' {@code secret}, which its
     * virtual-account webhooks repeat, so a webhook can be told from a forgery); null otherwise.
     */
    default @Nullable String secret() {
        return null;
    }

    /**
     * The PG took the money: {@code amount} is what it approved, which the engine checks against its own;
     * {@code balanceAmount} is what is left after the cancels the PG knows of (Toss's {@code balanceAmount}), so
     * {@code amount - balanceAmount} has gone back to the payer.
     */
    record Approved(
            String paymentKey,
            long amount,
            Instant approvedAt,
            long balanceAmount,
            @Nullable String secret) implements PgOutcome {

        /** An approval with nothing canceled yet. */
        public Approved(String paymentKey, long amount, Instant approvedAt) {
            this(paymentKey, amount, approvedAt, amount);
        }

        /** An approval whose Payment object carried no secret. */
        public Approved(String paymentKey, long amount, Instant approvedAt, long balanceAmount) {
            this(paymentKey, amount, approvedAt, balanceAmount, null);
        }

        /** What the PG has canceled of this payment. */
        public long canceledAmount() {
            return amount - balanceAmount;
        }

        @Override
        public String toString() {
            return "Approved[paymentKey=" + paymentKey + ", amount=" + amount + ", approvedAt=" + approvedAt
                    + ", balanceAmount=" + balanceAmount + ", secret=" + hidden(secret) + "]";
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
    record Unknown(
            String reason,
            @Nullable String pgStatus,
            @Nullable String secret) implements PgOutcome {

        /** No usable answer from the PG. */
        public Unknown(String reason) {
            this(reason, null, null);
        }

        /** A payment the PG has not settled, whose Payment object carried no secret. */
        public Unknown(String reason, @Nullable String pgStatus) {
            this(reason, pgStatus, null);
        }

        /** Whether the PG answered, with a payment it has not settled yet. */
        public boolean pgAnswered() {
            return pgStatus != null;
        }

        @Override
        public String toString() {
            return "Unknown[reason=" + reason + ", pgStatus=" + pgStatus + ", secret=" + hidden(secret) + "]";
        }
    }

    /** How a secret appears in logs: never itself. */
    private static String hidden(@Nullable String secret) {
        return secret == null ? "none" : "(hidden)";
    }
}
