/**
 * Micrometer metrics for rate limiters: decisions and latency per policy, store errors and circuit state of the
 * Redis engine, keys and evictions of the in-memory engine. Needs {@code io.micrometer:micrometer-core} on the class
 * path (an optional dependency of this library). Tags are low-cardinality: a limiter key never becomes a tag.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiterMetrics.instrument(engine.limiter(policy), registry, engine.kind());
 * RateLimiterMetrics.bindKeyCount(registry, inMemoryEngine);
 * }</pre>
 */
@NullMarked
package dev.perfplatform.ratelimit.micrometer;

import org.jspecify.annotations.NullMarked;
