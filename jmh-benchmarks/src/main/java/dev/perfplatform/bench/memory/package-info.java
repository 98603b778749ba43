/** In-memory benchmarks: one limiter against one peer bucket, and the keyed engine against a map of peer buckets. */
@NullMarked
package dev.perfplatform.bench.memory;

import org.jspecify.annotations.NullMarked;
