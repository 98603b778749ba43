/**
 * Real Redis for tests: {@link dev.perfplatform.testing.redis.RedisTest} hands each test class a server and a key
 * prefix of its own; {@link dev.perfplatform.testing.redis.RedisServerProcess} starts private {@code redis-server}
 * processes (standalone, cluster, sentinel) that fault tests may kill.
 */
@NullMarked
package dev.perfplatform.testing.redis;

import org.jspecify.annotations.NullMarked;
