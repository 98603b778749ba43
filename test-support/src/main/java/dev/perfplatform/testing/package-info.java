/**
 * JUnit Jupiter support that hands tests real Redis, PostgreSQL and MariaDB servers.
 *
 * <p>Annotate a test class with {@link dev.perfplatform.testing.redis.RedisTest}, {@link
 * dev.perfplatform.testing.sql.PostgresTest} or {@link dev.perfplatform.testing.sql.MariaDbTest} and declare a
 * parameter of the matching type. A server is found in this order: the {@code TEST_REDIS_URL} / {@code
 * TEST_POSTGRES_URL} / {@code TEST_MYSQL_URL} environment variable, the standard local port, then a container when
 * a Docker engine is present. When none answers the test fails with a message naming those three ways; it never
 * skips.
 */
@NullMarked
package dev.perfplatform.testing;

import org.jspecify.annotations.NullMarked;
