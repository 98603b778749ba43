package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.util.List;
import java.util.Set;

/**
 * A policy from the properties with what the web layer needs to apply it.
 *
 * @param policy the core policy
 * @param key how the key is derived: {@code ip}, {@code user}, {@code header:NAME}, {@code global} or a bean name
 * @param paths path patterns the policy applies to (empty: all)
 * @param excludePaths path patterns excluded
 * @param methods upper-case HTTP methods (empty: all)
 * @param filter whether the web filter applies it
 * @param userFallbackToIp with key {@code user} and no principal: use the client address (else deny)
 */
public record PolicyDefinition(
        RateLimitPolicy policy,
        String key,
        List<String> paths,
        List<String> excludePaths,
        Set<String> methods,
        boolean filter,
        boolean userFallbackToIp) {

    /** The policy's name. */
    public String name() {
        return policy.name();
    }
}
