package dev.perfplatform.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.StoreErrorCause;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisReadOnlyException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Store failures are classified by type, whatever their message says. */
class StoreErrorCauseTests {

    @Test
    void timeoutsAreTimeouts() {
        assertThat(RedisDecisionStore.causeOf(new TimeoutException("no answer within 100 ms")))
                .isEqualTo(StoreErrorCause.TIMEOUT);
        assertThat(RedisDecisionStore.causeOf(new RedisCommandTimeoutException("ERR script")))
                .isEqualTo(StoreErrorCause.TIMEOUT);
    }

    @Test
    void unreachableOrNotYetServingNodesAreConnectionFailures() {
        assertThat(RedisDecisionStore.causeOf(new RedisConnectionException("Unable to connect")))
                .isEqualTo(StoreErrorCause.CONNECTION);
        assertThat(RedisDecisionStore.causeOf(new ConnectException("Connection refused")))
                .isEqualTo(StoreErrorCause.CONNECTION);
        assertThat(RedisDecisionStore.causeOf(new RedisException("ERR script text in a client-side error")))
                .as("Lettuce's own errors (disconnected, rejected) are connection failures whatever they say")
                .isEqualTo(StoreErrorCause.CONNECTION);
        assertThat(RedisDecisionStore.causeOf(new RedisLoadingException("LOADING")))
                .isEqualTo(StoreErrorCause.CONNECTION);
        assertThat(RedisDecisionStore.causeOf(new RedisReadOnlyException("READONLY")))
                .isEqualTo(StoreErrorCause.CONNECTION);
    }

    @Test
    void errorRepliesAreScriptFailures() {
        assertThat(RedisDecisionStore.causeOf(new RedisCommandExecutionException("WRONGTYPE")))
                .isEqualTo(StoreErrorCause.SCRIPT);
        assertThat(RedisDecisionStore.causeOf(new RedisNoScriptException("NOSCRIPT")))
                .isEqualTo(StoreErrorCause.SCRIPT);
    }

    @Test
    void aClusterThatRefusesKeysWhileASlotRangeHasNoMasterIsAConnectionFailure() {
        assertThat(RedisDecisionStore.causeOf(new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")))
                .isEqualTo(StoreErrorCause.CONNECTION);
    }

    @Test
    void anythingElseIsOther() {
        assertThat(RedisDecisionStore.causeOf(new IllegalStateException("connection")))
                .isEqualTo(StoreErrorCause.OTHER);
    }

    @Test
    void tagValuesAreTheLowerCaseNames() {
        assertThat(StoreErrorCause.CIRCUIT_OPEN.tagValue()).isEqualTo("circuit_open");
        assertThat(StoreErrorCause.TIMEOUT.tagValue()).isEqualTo("timeout");
    }
}
