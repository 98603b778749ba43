/**
 * Internal, not API: jmx_exporter's rule semantics: match strings, patterns, names, labels, values, the match cache and duplicate handling.
 */
@NullMarked
package dev.perfplatform.jmx.internal.rules;

import org.jspecify.annotations.NullMarked;
