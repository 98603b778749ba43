package dev.perfplatform.fluxpay.payment;

import reactor.core.publisher.Mono;

/**
 * The named points between a confirm's steps, where a crash must leave the data consistent. Production passes
 * straight through; crash tests replace the bean to halt a request at one of them and then kill the app.
 */
public interface SagaBoundaries {

    /** After the key's record is claimed, before the payment moves to IN_PROGRESS. */
    String BEFORE_CHECKPOINT = "before-checkpoint";

    /** After IN_PROGRESS committed, before the PG is called. */
    String BEFORE_PG_CALL = "before-pg-call";

    /** After the PG answered, before the outcome commits. */
    String AFTER_PG_CALL = "after-pg-call";

    /** After a compensation was marked (with the PG outcome it compensates), before the PG cancel. */
    String BEFORE_COMPENSATION = "before-compensation";

    /** Completes when the request may go on past {@code boundary}. */
    Mono<Void> pass(String boundary);

    /** The production behaviour: never halts. */
    SagaBoundaries NONE = boundary -> Mono.empty();
}
