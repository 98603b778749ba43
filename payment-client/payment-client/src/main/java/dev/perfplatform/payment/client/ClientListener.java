package dev.perfplatform.payment.client;

import java.time.Duration;

/**
 * Told about every logical call and every retry, e.g. to record metrics ({@code
 * dev.perfplatform.payment.client.micrometer.FluxPayClientMetrics}). Methods run on the calling or OkHttp thread
 * and must be quick and never throw. Operations are low-cardinality names such as {@code payments.confirm}, never
 * URLs.
 */
public interface ClientListener {

    /** A listener that does nothing. */
    ClientListener NONE = new ClientListener() {};

    /**
     * A logical call ended (after its retries). Calls canceled by the caller are not reported.
     *
     * @param operation e.g. {@code orders.create}
     * @param outcome how it ended
     * @param duration from the first attempt's start to the end, backoff included
     */
    default void callCompleted(String operation, CallOutcome outcome, Duration duration) {}

    /**
     * The client is about to back off and retry.
     *
     * @param operation e.g. {@code orders.create}
     * @param reason why
     * @param retry 1 for the first retry
     * @param delay the backoff before it
     */
    default void retrying(String operation, RetryReason reason, int retry, Duration delay) {}
}
