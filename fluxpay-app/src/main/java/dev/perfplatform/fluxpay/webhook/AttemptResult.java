package dev.perfplatform.fluxpay.webhook;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one delivery attempt came to: delivered (2xx), gone (410: disable the endpoint), failed (any other answer,
 * redirects included since they are not followed, or no answer in time) or refused (never sent: the guard or a
 * missing secret stopped it).
 */
record AttemptResult(
        Kind kind,
        @Nullable Integer responseStatus,
        @Nullable String error,
        Duration took) {

    private static final int MAX_ERROR_LENGTH = 500;

    /** The kinds of result. */
    enum Kind {
        DELIVERED,
        GONE,
        FAILED,
        REFUSED
    }

    AttemptResult {
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
    }

    /** The endpoint answered with {@code status}. */
    static AttemptResult answered(int status, Duration took) {
        if (status >= 200 && status < 300) {
            return new AttemptResult(Kind.DELIVERED, status, null, took);
        }
        if (status == 410) {
            return new AttemptResult(Kind.GONE, status, "HTTP 410: the endpoint is gone and is now disabled", took);
        }
        if (status >= 300 && status < 400) {
            return new AttemptResult(Kind.FAILED, status, "HTTP " + status + ": redirects are not followed", took);
        }
        return new AttemptResult(Kind.FAILED, status, "HTTP " + status, took);
    }

    /** No usable answer: a timeout, a refused or broken connection. */
    static AttemptResult failed(String error, Duration took) {
        return new AttemptResult(Kind.FAILED, null, error, took);
    }

    /** Not sent at all. */
    static AttemptResult refused(String error) {
        return new AttemptResult(Kind.REFUSED, null, error, Duration.ZERO);
    }
}
