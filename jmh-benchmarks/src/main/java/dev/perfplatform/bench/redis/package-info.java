/**
 * Redis benchmarks against a private {@code redis-server} each trial starts: a bounded window of asynchronous calls
 * driven by one JMH thread, latency in an HdrHistogram and Redis commands per decision from {@code INFO
 * commandstats}.
 */
@NullMarked
package dev.perfplatform.bench.redis;

import org.jspecify.annotations.NullMarked;
