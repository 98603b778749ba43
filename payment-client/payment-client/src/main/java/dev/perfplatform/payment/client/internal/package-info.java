/**
 * Internal implementation of the client: request execution, retries, the envelope, error mapping and JSON. Not
 * API: it changes without notice.
 *
 * <p>{@code BoundedBody} reads a response body with a size limit because OkHttp has none ({@code
 * ResponseBody.bytes()} and {@code string()} read whatever arrives); it streams through OkHttp's own {@code
 * BufferedSource.request(limit + 1)}.
 */
@NullMarked
package dev.perfplatform.payment.client.internal;

import org.jspecify.annotations.NullMarked;
