package dev.perfplatform.ratelimit.spring.web;

import org.jspecify.annotations.Nullable;

/**
 * Derives the limiter key of a request. Define one as a bean and name the bean in {@code
 * ratelimit.policies.NAME.key}:
 *
 * <pre>{@code
 * @Bean
 * KeyResolver tenant() {
 *     return request -> request.header("X-Tenant");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface KeyResolver {

    /** The key, or null to leave this request out of the policy. */
    @Nullable
    String resolve(RateLimitRequest request);
}
