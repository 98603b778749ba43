/**
 * Benchmarks of the limiter at its bounds, where a cost used to grow with the amount of state: the in-memory engine
 * at its key cap. Not part of {@code run.sh}'s published page; run them by name (see the module's README).
 */
@NullMarked
package dev.perfplatform.bench.cap;

import org.jspecify.annotations.NullMarked;
