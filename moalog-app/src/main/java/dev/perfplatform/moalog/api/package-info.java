/**
 * The API's envelope {@code {isSuccess, code, message, result}} and its errors: every failure, whether raised by a
 * handler, by validation, by Spring's dispatch (no such path or method, a body over the limit) or by Spring Security,
 * is answered in the envelope with its code's status and a Korean message that names the problem.
 */
@NullMarked
package dev.perfplatform.moalog.api;

import org.jspecify.annotations.NullMarked;
