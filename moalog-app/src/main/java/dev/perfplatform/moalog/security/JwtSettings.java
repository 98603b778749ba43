package dev.perfplatform.moalog.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings ({@code moalog.jwt.*}).
 *
 * @param secret the HS256 key ({@code JWT_SECRET}), at least 32 bytes; never logged
 * @param generateSecret development only: with no secret, generate a random one at start-up (tokens then die with
 *     the process); announced as a stand-in
 * @param accessTokenTtl access token and cookie lifetime ({@code JWT_EXPIRATION}, 30 minutes)
 * @param refreshTokenTtl refresh token lifetime ({@code REFRESH_TOKEN_EXPIRATION}, 14 days)
 * @param signupTokenTtl sign-up token lifetime ({@code SIGNUP_TOKEN_EXPIRATION}, 10 minutes)
 */
@ConfigurationProperties("moalog.jwt")
public record JwtSettings(
        String secret,
        boolean generateSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration signupTokenTtl) {

    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
}
