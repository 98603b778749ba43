/**
 * JMH benchmarks of the limiter's hot paths against its peers, measured in the same run. Run them from {@code
 * jmh-benchmarks/run.sh}, which builds {@code target/benchmarks.jar} and renders {@code docs/benchmarks/limiter.md}.
 */
@NullMarked
package dev.perfplatform.bench;

import org.jspecify.annotations.NullMarked;
