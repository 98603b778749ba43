package dev.perfplatform.ratelimit.spring.web;

import dev.perfplatform.ratelimit.Decision;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes rate-limit headers for the decisions of one request (one per policy that applied). Pluggable, so a later
 * draft of the IETF fields is a new implementation, not a change.
 */
public interface RateLimitHeaderFormat {

    /** Writes headers with {@code header.accept(name, value)}; {@code decisions} is never empty. */
    void write(List<Decision> decisions, BiConsumer<String, String> header);

    /** Seconds until a denied request may be retried: whole seconds rounded up, at least 1. */
    static long retryAfterSeconds(Decision decision) {
        return Math.max(1, decision.retryAfterSeconds());
    }

    /**
     * The {@code t} / reset value: on a denial the retry-after (so {@code Retry-After} is never earlier than it), on an
     * admission the seconds until the quota is whole again.
     */
    static long resetSeconds(Decision decision) {
        return decision.isAllowed() ? decision.resetAfterSeconds() : retryAfterSeconds(decision);
    }
}
