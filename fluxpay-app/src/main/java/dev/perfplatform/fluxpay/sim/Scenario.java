package dev.perfplatform.fluxpay.sim;

/** What the simulated PG does when a payment is confirmed; the payer picks it at checkout. */
public enum Scenario {
    /** Approves at once. */
    APPROVE,
    /** Refuses the card: 403 {@code REJECT_CARD_PAYMENT}, payment ABORTED. */
    DECLINE,
    /** Fails before doing anything: 500 {@code FAILED_INTERNAL_SYSTEM_PROCESSING}. */
    ERROR,
    /** Approves after {@code fluxpay.simulator.slow-delay}; cancels are as slow. */
    SLOW,
    /**
     * Approves, then answers only after {@code fluxpay.simulator.timeout-delay}: the caller's answer is lost. Cancels
     * of the payment commit and answer as late.
     */
    TIMEOUT_AFTER_COMMIT
}
