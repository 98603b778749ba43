/**
 * In-memory benchmarks: one limiter against one peer bucket, and the keyed engine against a map of peer buckets.
 *
 * <p>Each runs in three forks on a fixed, pre-touched heap ({@link dev.perfplatform.bench.Profiles#MIN_HEAP}).
 */
@NullMarked
package dev.perfplatform.bench.memory;

import org.jspecify.annotations.NullMarked;
