package dev.perfplatform.moalog.auth;

import dev.perfplatform.moalog.security.AuthCookieNames;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Sets and clears the token cookies as the web client expects them: {@code HttpOnly; Secure; SameSite=Lax; Path=/}
 * with {@code Max-Age} the token's lifetime, cleared with {@code Max-Age=0}.
 */
@Component
public class AuthCookies {

    private final boolean secure;

    public AuthCookies(CookieSettings settings) {
        this.secure = settings.secure();
    }

    public void set(ServerHttpResponse response, String name, String token, Duration lifetime) {
        response.addCookie(cookie(name, token, lifetime));
    }

    /** Sets the access and refresh cookies of a sign-in. */
    public void signedIn(ServerHttpResponse response, SignIns.Issued issued) {
        set(response, AuthCookieNames.ACCESS, issued.accessToken(), issued.accessLifetime());
        set(response, AuthCookieNames.REFRESH, issued.refreshToken(), issued.refreshLifetime());
    }

    public void clear(ServerHttpResponse response, String... names) {
        for (String name : names) {
            response.addCookie(cookie(name, "", Duration.ZERO));
        }
    }

    private ResponseCookie cookie(String name, String value, Duration lifetime) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(lifetime)
                .build();
    }
}
