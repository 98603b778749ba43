package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.api.ApiException;
import dev.perfplatform.fluxpay.api.ErrorCode;
import dev.perfplatform.fluxpay.idempotency.FailureDecision.Action;
import org.junit.jupiter.api.Test;

/** What a failed request does with its key: pass a lost key on, free a key rejected untouched, store the rest. */
class FailureDecisionTests {

    @Test
    void anotherHolderOfTheKeyIsPassedOnAndNothingStored() {
        ApiException lost = new ApiException(ErrorCode.VAL_005, "Another attempt with this Idempotency-Key took over");

        FailureDecision decision = FailureDecision.decide(lost, RecoveryPoint.STARTED, false);

        assertThat(decision.action()).isEqualTo(Action.RETHROW);
        assertThat(decision.error()).isSameAs(lost);
    }

    @Test
    void aRejectionBeforeAnyCheckpointReleasesTheKey() {
        ApiException invalid = new ApiException(ErrorCode.VAL_001);

        FailureDecision decision = FailureDecision.decide(invalid, RecoveryPoint.STARTED, false);

        assertThat(decision.action()).isEqualTo(Action.RELEASE_KEY);
        assertThat(decision.error()).isSameAs(invalid);
    }

    @Test
    void everyErrorThatFreesTheKeyReleasesIt() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.freesIdempotencyKey()) {
                assertThat(FailureDecision.decide(new ApiException(code), RecoveryPoint.STARTED, false)
                                .action())
                        .as(code.name())
                        .isEqualTo(Action.RELEASE_KEY);
            }
        }
    }

    @Test
    void aRejectionAfterThisRequestCheckpointedIsStored() {
        ApiException invalid = new ApiException(ErrorCode.VAL_001);

        FailureDecision decision = FailureDecision.decide(invalid, RecoveryPoint.STARTED, true);

        assertThat(decision.action()).isEqualTo(Action.STORE_ANSWER);
        assertThat(decision.error()).isSameAs(invalid);
    }

    @Test
    void aRejectionOfAResumedRequestIsStored() {
        ApiException invalid = new ApiException(ErrorCode.VAL_001);

        assertThat(FailureDecision.decide(invalid, RecoveryPoint.PG_CONFIRM_SENT, false)
                        .action())
                .isEqualTo(Action.STORE_ANSWER);
        assertThat(FailureDecision.decide(invalid, RecoveryPoint.PG_CANCEL_SENT, false)
                        .action())
                .isEqualTo(Action.STORE_ANSWER);
    }

    @Test
    void anErrorThatKeepsTheKeyIsStored() {
        ApiException anotherRequest = new ApiException(ErrorCode.VAL_004);

        FailureDecision decision = FailureDecision.decide(anotherRequest, RecoveryPoint.STARTED, false);

        assertThat(decision.action()).isEqualTo(Action.STORE_ANSWER);
        assertThat(decision.error()).isSameAs(anotherRequest);
    }

    @Test
    void anUnexpectedFailureIsStoredAsAServerError() {
        FailureDecision decision =
                FailureDecision.decide(new IllegalStateException("boom"), RecoveryPoint.STARTED, false);

        assertThat(decision.action()).isEqualTo(Action.STORE_SERVER_ERROR);
        assertThat(decision.error().code()).isEqualTo(ErrorCode.SYS_001);
    }
}
