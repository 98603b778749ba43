/**
 * Internal implementation of the client: request execution, retries, the envelope, error mapping and JSON. Not
 * API: it changes without notice.
 */
@NullMarked
package dev.perfplatform.payment.client.internal;

import org.jspecify.annotations.NullMarked;
