/** The operator's API under {@code /admin/v1}: merchants and their credentials, guarded by {@code FLUXPAY_ADMIN_KEY}. */
@NullMarked
package dev.perfplatform.fluxpay.admin;

import org.jspecify.annotations.NullMarked;
