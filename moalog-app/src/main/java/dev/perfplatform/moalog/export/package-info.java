/**
 * A retrospect as a PDF report ({@code GET /api/v1/retrospects/{id}/export}): its data read in a fixed number of
 * queries, laid out on A4 pages with the bundled NanumGothic (or the configured font), off the event loop.
 */
@NullMarked
package dev.perfplatform.moalog.export;

import org.jspecify.annotations.NullMarked;
