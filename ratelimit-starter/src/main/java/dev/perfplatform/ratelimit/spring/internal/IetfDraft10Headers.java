package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Per policy, per limit: the quoted item name and the RateLimit-Policy item, computed once. */
    private final Map<RateLimitPolicy, String[][]> items = new ConcurrentHashMap<>();

    @Override
    public void write(List<Decision> decisions, BiConsumer<String, String> header) {
        StringBuilder policies = new StringBuilder();
        StringBuilder states = new StringBuilder();
        for (Decision decision : decisions) {
            int index = decision.decidingLimitIndex();
            if (index < 0) {
                continue; // decided without evaluating a limit (fail open/closed): nothing truthful to say
            }
            String[] item = items.computeIfAbsent(decision.policy(), IetfDraft10Headers::describe)[index];
            append(policies, item[1]);
            append(
                    states,
                    item[0] + ";r=" + Math.max(0, decision.remaining()) + ";t="
                            + RateLimitHeaderFormat.resetSeconds(decision));
        }
        if (!policies.isEmpty()) {
            header.accept("RateLimit-Policy", policies.toString());
            header.accept("RateLimit", states.toString());
        }
    }

    private static String[][] describe(RateLimitPolicy policy) {
        List<Limit> limits = policy.limits();
        String[][] described = new String[limits.size()][];
        for (int i = 0; i < limits.size(); i++) {
            Limit limit = limits.get(i);
            String name = quote(itemName(policy, i));
            described[i] = new String[] {name, name + ";q=" + limit.capacity() + ";w=" + windowSeconds(limit)};
        }
        return described;
    }

    /** The item name: the policy's, or for a policy of several limits the limit's name (else policy-index). */
    static String itemName(RateLimitPolicy policy, int index) {
        if (policy.limits().size() == 1) {
            return policy.name();
        }
        @Nullable String named = policy.limits().get(index).name();
        return named != null ? named : policy.name() + "-" + index;
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
