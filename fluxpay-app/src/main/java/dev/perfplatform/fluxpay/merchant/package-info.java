/** Merchants and their API-key authentication. */
@NullMarked
package dev.perfplatform.fluxpay.merchant;

import org.jspecify.annotations.NullMarked;
