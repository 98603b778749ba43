package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The de-facto {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (seconds) of
 * the most restrictive decision.
 */
public final class LegacyHeaders implements RateLimitHeaderFormat {

    @Override
    public void write(List<Decision> decisions, BiConsumer<String, String> header) {
        decisions.stream()
                .filter(decision -> decision.decidingLimit() != null)
                .min(Comparator.comparing(Decision::isAllowed).thenComparingLong(Decision::remaining))
                .ifPresent(decision -> {
                    header.accept("X-RateLimit-Limit", String.valueOf(decision.limit()));
                    header.accept("X-RateLimit-Remaining", String.valueOf(Math.max(0, decision.remaining())));
                    header.accept("X-RateLimit-Reset", String.valueOf(RateLimitHeaderFormat.resetSeconds(decision)));
                });
    }
}
