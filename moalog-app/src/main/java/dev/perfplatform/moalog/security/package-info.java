/**
 * Who is calling, decided by Spring Security alone: access tokens (HS256 JWTs from {@code JWT_SECRET}, issued and
 * verified with Nimbus through Spring Security's OAuth2 resource server) from the {@code Authorization: Bearer} header
 * or the {@code access_token} cookie; a cookie-authenticated unsafe request must come from an allowed origin (the
 * web client sends no CSRF token, so the {@code Origin} header is the CSRF defence); CORS from {@code ALLOWED_ORIGINS};
 * every refusal in the envelope. Handlers receive the caller as {@link dev.perfplatform.moalog.security.SignedIn}
 * through {@link dev.perfplatform.moalog.security.CurrentMember}.
 */
@NullMarked
package dev.perfplatform.moalog.security;

import org.jspecify.annotations.NullMarked;
