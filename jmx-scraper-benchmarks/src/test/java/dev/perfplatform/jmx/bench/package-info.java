/**
 * The benchmark of the standalone server against jmx_exporter 1.0.1 over RMI ({@link JmxBench}, run by
 * {@code jmx-scraper-benchmarks/bench/run.sh}): scrape latency, RSS, many targets and a slow target, on real child JVMs.
 */
package dev.perfplatform.jmx.bench;
