package dev.perfplatform.fluxpay.payment;

/** The named points between a confirm's steps, where a crash must leave the data consistent ({@link SagaBoundaries}). */
public enum SagaBoundary {

    /** After the key's record is claimed, before the payment moves to IN_PROGRESS. */
    BEFORE_CHECKPOINT,

    /** After IN_PROGRESS committed, before the PG is called. */
    BEFORE_PG_CALL,

    /** After the PG answered, before the outcome commits. */
    AFTER_PG_CALL,

    /** After a compensation was marked (with the PG outcome it compensates), before the PG cancel. */
    BEFORE_COMPENSATION
}
