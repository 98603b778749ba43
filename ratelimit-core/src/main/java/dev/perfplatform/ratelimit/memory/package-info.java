/**
 * The in-memory engine: limiter state in this JVM, one compare-and-set per admission for the counter algorithms, bounded in memory.
 * Use it for a single instance, for tests, or as the local fallback of the Redis engine.
 *
 * <p>The key cap's eviction (a sample of keys taken in turn, the least recently used of it evicted, as Redis
 * approximates LRU) is hand-written although Caffeine bounds a map by size: ratelimit-core depends on no cache library
 * (its only required dependency is JSpecify), the engine keeps its state words in its own entries, which a cache's
 * values would wrap in another object, and fresh keys must go before any key with consumption, which a cache's
 * eviction does not know of.
 */
@NullMarked
package dev.perfplatform.ratelimit.memory;

import org.jspecify.annotations.NullMarked;
