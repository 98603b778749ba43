/**
 * Internal implementation of the limiter: the algorithms' state transitions, the shared request handling and the
 * Redis script. Not API: it changes without notice.
 *
 * <p>{@code NegativeCache} keeps its entries in a hand-written heap by expiry ({@code ExpiryHeap}): the JDK's
 * {@code PriorityQueue} removes an arbitrary entry (a denial forgotten or replaced) by a linear search, and Caffeine,
 * which expires entries in O(1), is not a dependency of ratelimit-core, whose only required dependency is JSpecify.
 */
@NullMarked
package dev.perfplatform.ratelimit.internal;

import org.jspecify.annotations.NullMarked;
