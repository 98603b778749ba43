package dev.perfplatform.fluxpay.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * How far an interrupted request got, stored in {@code idempotency_keys.recovery_point} by
 * {@link IdempotentWork.Steps#checkpoint} so that a retry under the same key resumes there.
 *
 * <p>Each point keeps its stored {@link #code()} forever: rows written by an earlier version must still resume.
 */
public enum RecoveryPoint {

    /** A fresh key: nothing was committed yet (the column's default). */
    STARTED("started"),

    /** The payment is IN_PROGRESS and the PG confirm may have been sent. */
    PG_CONFIRM_SENT("pg_confirm_sent"),

    /** The refund's amount is reserved and the PG cancel may have been sent. */
    PG_CANCEL_SENT("pg_cancel_sent");

    private final String code;

    RecoveryPoint(String code) {
        this.code = code;
    }

    /** The value stored in {@code idempotency_keys.recovery_point}. */
    public String code() {
        return code;
    }

    /**
     * The point stored as {@code code}.
     *
     * @throws IllegalStateException when no point has that code: a row this version cannot resume must not be taken
     *     for a fresh start
     */
    static RecoveryPoint ofCode(@Nullable String code) {
        for (RecoveryPoint point : values()) {
            if (point.code.equals(code)) {
                return point;
            }
        }
        throw new IllegalStateException("Unknown recovery point '" + code + "' in idempotency_keys");
    }
}
