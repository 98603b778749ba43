package dev.perfplatform.payment.client;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a call whose effect at the payment provider may be unknown: a confirm or a refund. FluxPay answers
 * {@code 202} when the provider's answer was lost; the client returns that as {@link Unknown} and never retries
 * it, because FluxPay reconciles it and sends a webhook when it knows.
 *
 * <pre>{@code
 * Outcome<Payment> outcome = client.payments().confirm(paymentId, confirm);
 * if (outcome.isUnknown()) {
 *     showPending();          // wait for payment.confirmed or payment.failed
 * } else {
 *     fulfil(outcome.resource());
 * }
 * }</pre>
 *
 * @param <T> the resource, {@code Payment} or {@code Refund}
 */
public sealed interface Outcome<T> permits Outcome.Completed, Outcome.Unknown {

    /** The resource as FluxPay reported it (status {@code UNKNOWN} for an unknown outcome). */
    T resource();

    /** Whether the provider's answer is still unknown. */
    boolean isUnknown();

    /** The resource of a completed call; throws {@link IllegalStateException} for an unknown outcome. */
    default T completed() {
        if (this instanceof Completed<T> completed) {
            return completed.resource();
        }
        throw new IllegalStateException("the outcome is unknown; wait for the webhook or read the resource later");
    }

    /**
     * The call completed: FluxPay knows the result (which may still be a failed payment).
     *
     * @param resource the resource
     * @param <T> its type
     */
    record Completed<T>(T resource) implements Outcome<T> {
        @Override
        public boolean isUnknown() {
            return false;
        }
    }

    /**
     * The provider's answer was lost; FluxPay is reconciling.
     *
     * @param resource the resource in its {@code UNKNOWN} state
     * @param requestId the request id of the call, for support
     * @param <T> its type
     */
    record Unknown<T>(T resource, @Nullable String requestId) implements Outcome<T> {
        @Override
        public boolean isUnknown() {
            return true;
        }
    }
}
