package dev.perfplatform.fluxpay.payment;

import reactor.core.publisher.Mono;

/**
 * What happens when a request reaches a {@link SagaBoundary}. Production passes straight through; crash tests replace
 * the bean to halt a request at one of them and then kill the app.
 */
@FunctionalInterface
public interface SagaBoundaries {

    /** Completes when the request may go on past {@code boundary}. */
    Mono<Void> pass(SagaBoundary boundary);

    /** The production behaviour: never halts. */
    SagaBoundaries NONE = boundary -> Mono.empty();
}
