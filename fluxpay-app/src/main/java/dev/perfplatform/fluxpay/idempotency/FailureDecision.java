package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ErrorCode;

/**
 * What a request whose work failed does with its key, and the error it answers with: {@link #decide} is a pure
 * function of the failure and of how far the request got.
 *
 * @param action what to do with the key
 * @param error the error to pass on or to store: the failure itself, or {@code SYS_001} for one that is not an
 *     {@link ApiException}
 */
record FailureDecision(Action action, ApiException error) {

    /** What to do with the key. */
    enum Action {

        /** Another attempt holds the key ({@code VAL_005}): pass the error on and touch nothing. */
        RETHROW,

        /**
         * Rejected before anything committed, with an error that frees the key ({@link ErrorCode#freesIdempotencyKey()},
         * e.g. {@code VAL_001}): forget the key so the caller can retry under it, and pass the error on.
         */
        RELEASE_KEY,

        /** Store the error as the key's answer, replayed from then on. */
        STORE_ANSWER,

        /** Not an {@link ApiException}: log the failure and store a 500 ({@code SYS_001}) as the key's answer. */
        STORE_SERVER_ERROR
    }

    /**
     * Decides on a failed request.
     *
     * @param failure what the work ended with
     * @param reached the recovery point the request started from
     * @param checkpointed whether this request committed a checkpoint
     */
    static FailureDecision decide(Throwable failure, RecoveryPoint reached, boolean checkpointed) {
        if (!(failure instanceof ApiException api)) {
            return new FailureDecision(Action.STORE_SERVER_ERROR, new ApiException(ErrorCode.SYS_001));
        }
        if (api.code() == ErrorCode.VAL_005) {
            return new FailureDecision(Action.RETHROW, api);
        }
        if (api.code().freesIdempotencyKey() && reached == RecoveryPoint.STARTED && !checkpointed) {
            return new FailureDecision(Action.RELEASE_KEY, api);
        }
        return new FailureDecision(Action.STORE_ANSWER, api);
    }
}
