/**
 * Internal implementation of the limiter: the algorithms' state transitions, the shared request handling and the
 * Redis script. Not API: it changes without notice.
 */
@NullMarked
package dev.perfplatform.ratelimit.internal;

import org.jspecify.annotations.NullMarked;
