/**
 * A minimal blocking RESP2 client with which tests probe and administer the Redis servers test-support hands them
 * ({@code DEBUG SLEEP}, {@code INFO}, {@code CLIENT KILL}, …), so no test needs a Redis client library for that.
 * It exists beside Lettuce on purpose: test-support stays free of any Redis client, and a test's admin commands
 * never share the client under test.
 */
@NullMarked
package dev.perfplatform.testing.resp;

import org.jspecify.annotations.NullMarked;
