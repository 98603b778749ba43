/**
 * In-memory benchmarks: one limiter against one peer bucket, and the keyed engine against a map of peer buckets.
 *
 * <p>Each runs in three forks on a fixed heap that the JVM touches at start ({@code -Xms256m -Xmx256m
 * -XX:+AlwaysPreTouch}). Without it, on the virtual machines this suite runs on, memory touched for the first time
 * cost about 2.7 ns per allocated byte, and each fork of an allocating contender (ours, bucket4j, resilience4j) landed
 * at either about 50 or 170–330 ns/op; the allocation-free ones (Guava, the baseline) did not move. A fixed,
 * pre-touched heap is also how latency-sensitive services are usually run.
 */
@NullMarked
package dev.perfplatform.bench.memory;

import org.jspecify.annotations.NullMarked;
