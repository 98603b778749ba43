package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.CallOutcome;
import dev.perfplatform.payment.client.FluxPayException;
import dev.perfplatform.payment.client.RetryReason;
import java.time.Duration;

/** What the retry loop does after one attempt. */
sealed interface Step<T> permits Step.Done, Step.Fail, Step.Retry {

    /** The call succeeded (or ended in an unknown outcome). */
    record Done<T>(T value, CallOutcome outcome) implements Step<T> {}

    /** The call failed for good. */
    record Fail<T>(FluxPayException error, CallOutcome outcome) implements Step<T> {}

    /** Wait {@code delay}, then try again. */
    record Retry<T>(RetryReason reason, int retry, Duration delay) implements Step<T> {}
}
