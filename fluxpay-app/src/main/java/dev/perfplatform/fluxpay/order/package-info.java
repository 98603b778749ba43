/** Orders: create, read, list and cancel. */
@NullMarked
package dev.perfplatform.fluxpay.order;

import org.jspecify.annotations.NullMarked;
