/**
 * Rate limiting without a framework. A {@link dev.perfplatform.ratelimit.RateLimitPolicy} names one or more {@link
 * dev.perfplatform.ratelimit.Limit}s; an engine turns it into a {@link dev.perfplatform.ratelimit.RateLimiter} whose
 * {@code acquire} returns a {@link dev.perfplatform.ratelimit.Decision}.
 *
 * <pre>{@code
 * RateLimitPolicy policy = RateLimitPolicy.of("api", Limit.tokenBucket(10, 10, Duration.ofSeconds(1)));
 * try (InMemoryEngine engine = InMemoryEngine.create()) {
 *     RateLimiter limiter = engine.limiter(policy);
 *     Decision decision = limiter.acquire("client-42");
 * }
 * }</pre>
 *
 * <p>Engines: {@code dev.perfplatform.ratelimit.memory} (in-process) and {@code dev.perfplatform.ratelimit.redis}
 * (shared through Redis, needs Lettuce). Optional adapters: {@code ...reactor} (needs Reactor) and {@code
 * ...micrometer} (needs Micrometer).
 */
@NullMarked
package dev.perfplatform.ratelimit;

import org.jspecify.annotations.NullMarked;
