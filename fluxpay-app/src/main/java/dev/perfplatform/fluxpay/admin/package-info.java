/**
 * How merchants come to be: the operator's API under {@code /admin/v1} (merchants and their credentials, guarded by
 * {@code FLUXPAY_ADMIN_KEY}) and the bootstrap merchant of a single-merchant deployment, from the environment.
 */
@NullMarked
package dev.perfplatform.fluxpay.admin;

import org.jspecify.annotations.NullMarked;
