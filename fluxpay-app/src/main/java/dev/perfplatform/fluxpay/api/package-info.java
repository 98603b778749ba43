/** The merchant API envelope, error codes and the translation of failures into them. */
@NullMarked
package dev.perfplatform.fluxpay.api;

import org.jspecify.annotations.NullMarked;
