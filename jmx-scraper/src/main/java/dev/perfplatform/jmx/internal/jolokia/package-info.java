/**
 * Internal, not API: Reads one target through Jolokia: one bulk read plus a cached {@code list}, flattened into attributes as jmx_exporter walks MBeans.
 */
@NullMarked
package dev.perfplatform.jmx.internal.jolokia;

import org.jspecify.annotations.NullMarked;
