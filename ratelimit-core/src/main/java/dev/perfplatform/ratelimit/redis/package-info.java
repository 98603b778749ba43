/**
 * The Redis engine: limiter state shared by every instance through Redis (standalone, Sentinel or Cluster), one
 * {@code EVALSHA} round trip per decision, with a failure policy, a circuit breaker and a local cache of denials.
 * Needs Lettuce on the class path.
 */
@NullMarked
package dev.perfplatform.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
