/**
 * Signing in and out: Kakao and Google logins by server-side authorization-code exchange (Spring Security's OAuth2
 * client does the exchange and the user-info call), sign-up with a nickname, refresh-token families (one per
 * sign-in, rotated on every refresh, revoked whole when a rotated token comes back), logout, withdrawal, and the
 * opt-in development login. Tokens travel in HttpOnly cookies and never in a body.
 */
@NullMarked
package dev.perfplatform.moalog.auth;

import org.jspecify.annotations.NullMarked;
