/**
 * Internal, not API: Writes metric families as Prometheus text 0.0.4 or OpenMetrics 1.0.0, chosen from the {@code Accept} header.
 */
@NullMarked
package dev.perfplatform.jmx.internal.exposition;

import org.jspecify.annotations.NullMarked;
