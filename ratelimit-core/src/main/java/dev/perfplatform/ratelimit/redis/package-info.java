/**
 * The Redis engine: limiter state shared by every instance through Redis (standalone, Sentinel or Cluster), one
 * {@code EVALSHA} round trip per decision, with a failure policy, a circuit breaker and a local cache of denials.
 * Needs Lettuce on the class path.
 *
 * <p>Lettuce reconnects a connection it once made, but a first connection that fails throws and is never retried;
 * so that an engine can start while Redis is down, {@code BackgroundConnection} retries it on a daemon thread with a
 * capped back-off, and from then on Lettuce's own reconnection (its delay capped for the engine's own client) applies.
 */
@NullMarked
package dev.perfplatform.ratelimit.redis;

import org.jspecify.annotations.NullMarked;
