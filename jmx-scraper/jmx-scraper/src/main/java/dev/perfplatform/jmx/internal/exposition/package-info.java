/**
 * Internal, not API: writes metric families as Prometheus text 0.0.4 or OpenMetrics 1.0.0, for the public
 * {@link dev.perfplatform.jmx.ExpositionFormat}, and the page order both formats share.
 */
@NullMarked
package dev.perfplatform.jmx.internal.exposition;

import org.jspecify.annotations.NullMarked;
