package dev.perfplatform.ratelimit.spring.web;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code RateLimit-Policy} and {@code RateLimit} as draft-ietf-httpapi-ratelimit-headers-10 defines them (RFC 9651
 * structured-field lists). One item per limit that decided:
 *
 * <pre>
 * RateLimit-Policy: "api";q=100;w=60
 * RateLimit: "api";r=42;t=17
 * </pre>
 *
 * <p>{@code q}/{@code w}: the limit per window for window algorithms; for a token bucket or GCRA the capacity and the
 * seconds a full refill takes. {@code r}: permits left. {@code t}: on a denial the retry-after, else the seconds until
 * the quota is whole again.
 */
public final class IetfDraft10Headers implements RateLimitHeaderFormat {

    @Override
    public void write(List<Decision> decisions, BiConsumer<String, String> header) {
        StringBuilder policies = new StringBuilder();
        StringBuilder states = new StringBuilder();
        for (Decision decision : decisions) {
            Limit limit = decision.decidingLimit();
            if (limit == null) {
                continue; // decided without evaluating a limit (fail open/closed): nothing truthful to say
            }
            String name = quote(itemName(decision, limit));
            append(policies, name + ";q=" + limit.capacity() + ";w=" + windowSeconds(limit));
            append(
                    states,
                    name + ";r=" + Math.max(0, decision.remaining()) + ";t="
                            + RateLimitHeaderFormat.resetSeconds(decision));
        }
        if (!policies.isEmpty()) {
            header.accept("RateLimit-Policy", policies.toString());
            header.accept("RateLimit", states.toString());
        }
    }

    /** The item name: the policy's, or for a policy of several limits the limit's name (else policy-index). */
    static String itemName(Decision decision, Limit limit) {
        if (decision.policy().limits().size() == 1) {
            return decision.policy().name();
        }
        @Nullable String named = limit.name();
        return named != null ? named : decision.policy().name() + "-" + decision.decidingLimitIndex();
    }

    /** The window {@code w} in whole seconds, at least 1. */
    static long windowSeconds(Limit limit) {
        long periodMicros = limit.period().toNanos() / 1_000;
        long windowMicros = switch (limit.algorithm()) {
            case TOKEN_BUCKET, GCRA -> ceilMultiply(periodMicros, limit.capacity(), limit.refillTokens());
            default -> periodMicros;
        };
        return Math.max(1, (windowMicros + 999_999) / 1_000_000);
    }

    private static long ceilMultiply(long value, long numerator, long denominator) {
        return java.math.BigInteger.valueOf(value)
                .multiply(java.math.BigInteger.valueOf(numerator))
                .add(java.math.BigInteger.valueOf(denominator - 1))
                .divide(java.math.BigInteger.valueOf(denominator))
                .longValueExact();
    }

    private static void append(StringBuilder list, String item) {
        if (!list.isEmpty()) {
            list.append(", ");
        }
        list.append(item);
    }

    /** An RFC 9651 string: quotes and backslashes escaped, only printable ASCII (policy names already are). */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
