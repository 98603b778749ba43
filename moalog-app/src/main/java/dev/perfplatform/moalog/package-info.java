/**
 * moalog, the retrospective service: its application class, database migrations and clock. The packages below
 * depend one way only: {@code api} (envelope and errors) and {@code security} come first, then {@code member},
 * {@code auth}, and the stand-ins.
 */
@NullMarked
package dev.perfplatform.moalog;

import org.jspecify.annotations.NullMarked;
