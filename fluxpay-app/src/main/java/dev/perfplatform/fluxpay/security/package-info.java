/**
 * Who may call what, with Spring Security for WebFlux: one bearer-key authentication for both APIs (the operator's
 * admin key or a merchant's API key), path rules matched on the decoded path as routing matches it, Spring Security's
 * strict firewall in front (encoded slashes, {@code ;} parameters, {@code //}, {@code %25} refused), and every refusal
 * answered in fluxpay's envelope. Nothing here checks a path by hand.
 */
@NullMarked
package dev.perfplatform.fluxpay.security;

import org.jspecify.annotations.NullMarked;
