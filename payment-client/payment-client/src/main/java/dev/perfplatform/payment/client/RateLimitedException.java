package dev.perfplatform.payment.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** FluxPay kept answering {@code 429} until the retries or the deadline ran out. */
public final class RateLimitedException extends FluxPayApiException {

    private static final long serialVersionUID = 1L;

    private final transient @Nullable Duration retryAfter;

    /**
     * A rate-limit failure.
     *
     * @param code the error code, if any
     * @param errorMessage the server's message, if any
     * @param retryAfter the server's last {@code Retry-After}, if any
     * @param requestId the request id
     */
    public RateLimitedException(
            @Nullable String code, @Nullable String errorMessage, @Nullable Duration retryAfter, String requestId) {
        super(429, code, errorMessage, List.of(), requestId);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
