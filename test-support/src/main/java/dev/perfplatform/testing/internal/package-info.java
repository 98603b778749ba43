/**
 * Internal machinery of test-support (server resolution, process plumbing). Not API: it
 * changes without notice.
 */
@NullMarked
package dev.perfplatform.testing.internal;

import org.jspecify.annotations.NullMarked;
