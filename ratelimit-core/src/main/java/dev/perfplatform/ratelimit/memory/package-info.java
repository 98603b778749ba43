/**
 * The in-memory engine: limiter state in this JVM, one compare-and-set per admission for the counter algorithms, bounded in memory.
 * Use it for a single instance, for tests, or as the local fallback of the Redis engine.
 */
@NullMarked
package dev.perfplatform.ratelimit.memory;

import org.jspecify.annotations.NullMarked;
