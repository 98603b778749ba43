/**
 * Spring Boot auto-configuration for ratelimit-core: policies from {@code ratelimit.*} properties, the engine
 * (in-memory or Redis), the {@link dev.perfplatform.ratelimit.spring.RateLimiterRegistry} and the web filters.
 */
@NullMarked
package dev.perfplatform.ratelimit.spring;

import org.jspecify.annotations.NullMarked;
