package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.api.RenderedResponse;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The work of one idempotent request, in steps that commit with the key's progress. */
@FunctionalInterface
public interface IdempotentWork {

    /** Does the work; its answer must come from {@link Steps#finish(Mono)}. */
    Mono<RenderedResponse> run(Steps steps);

    /** What the work may commit, each together with the key's record. */
    interface Steps {

        /** The point a previous, interrupted attempt reached ({@link RecoveryPoint#STARTED} on a fresh key). */
        RecoveryPoint recoveryPoint();

        /** An id for what this request creates: the same on every attempt with this key, so a retry finds it. */
        UUID operationId();

        /** Runs {@code step} in a transaction that also records {@code point} as the recovery point. */
        <T> Mono<T> checkpoint(RecoveryPoint point, Mono<T> step);

        /** Runs {@code step} in a transaction that also stores its answer for replay. */
        Mono<RenderedResponse> finish(Mono<RenderedResponse> step);
    }
}
