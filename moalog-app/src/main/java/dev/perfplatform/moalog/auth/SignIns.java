package dev.perfplatform.moalog.auth;

import dev.perfplatform.moalog.member.SocialType;
import dev.perfplatform.moalog.security.JwtSettings;
import dev.perfplatform.moalog.security.TokenCodec;
import dev.perfplatform.moalog.security.TokenType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Issues the tokens of a sign-in and of a sign-up in progress, with the original's claims: access {@code {sub, iat,
 * exp, token_type:"access"}}; refresh adds {@code jti} and {@code fam} (its family); sign-up {@code {sub:"", email,
 * provider, token_type:"signup"}}.
 */
@Component
public class SignIns {

    static final String FAMILY_CLAIM = "fam";
    static final String EMAIL_CLAIM = "email";
    static final String PROVIDER_CLAIM = "provider";

    /** The tokens of a sign-in and their lifetimes. */
    public record Issued(String accessToken, Duration accessLifetime, String refreshToken, Duration refreshLifetime) {}

    /** A refresh token's verified content. */
    record Refresh(long memberId, String familyId, String tokenId) {}

    /** A sign-up token's verified content: the provider's account that has no member yet. */
    record SignUp(String email, SocialType provider) {}

    private final TokenCodec codec;
    private final RefreshFamilies families;
    private final JwtSettings settings;
    private final Clock clock;

    SignIns(TokenCodec codec, RefreshFamilies families, JwtSettings settings, Clock clock) {
        this.codec = codec;
        this.families = families;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new sign-in of {@code memberId}: a new refresh family and its first tokens. */
    public Mono<Issued> signIn(long memberId) {
        return families.start(memberId, settings.refreshTokenTtl()).map(family -> issue(memberId, family));
    }

    /** The next tokens of the family {@code refresh} belongs to; empty when it is no longer valid. */
    Mono<Issued> refresh(Refresh refresh) {
        return families.rotate(refresh.memberId(), refresh.familyId(), refresh.tokenId(), settings.refreshTokenTtl())
                .map(family -> issue(refresh.memberId(), family));
    }

    /** Ends the sign-in {@code refresh} belongs to; false when it was not valid. */
    Mono<Boolean> signOut(Refresh refresh) {
        return families.revoke(refresh.memberId(), refresh.familyId());
    }

    String signUpToken(String email, SocialType provider) {
        Instant now = clock.instant();
        return codec.encode(JwtClaimsSet.builder()
                .subject("")
                .issuedAt(now)
                .expiresAt(now.plus(settings.signupTokenTtl()))
                .claim(EMAIL_CLAIM, email)
                .claim(PROVIDER_CLAIM, provider.name())
                .claim(TokenType.CLAIM, TokenType.SIGNUP.claim())
                .build());
    }

    Duration signUpLifetime() {
        return settings.signupTokenTtl();
    }

    /** The verified refresh token; an error when it is not one. */
    Mono<Refresh> readRefresh(String token) {
        return codec.decode(TokenType.REFRESH, token)
                .map(jwt ->
                        new Refresh(Long.parseLong(claim(jwt, "sub")), claim(jwt, FAMILY_CLAIM), claim(jwt, "jti")));
    }

    /** The verified sign-up token; an error when it is not one. */
    Mono<SignUp> readSignUp(String token) {
        return codec.decode(TokenType.SIGNUP, token)
                .map(jwt -> new SignUp(claim(jwt, EMAIL_CLAIM), SocialType.valueOf(claim(jwt, PROVIDER_CLAIM))));
    }

    private Issued issue(long memberId, RefreshFamilies.Current family) {
        Instant now = clock.instant();
        String access = codec.encode(JwtClaimsSet.builder()
                .subject(Long.toString(memberId))
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .claim(TokenType.CLAIM, TokenType.ACCESS.claim())
                .build());
        String refresh = codec.encode(JwtClaimsSet.builder()
                .subject(Long.toString(memberId))
                .id(family.tokenId())
                .issuedAt(now)
                .expiresAt(family.expiresAt())
                .claim(FAMILY_CLAIM, family.familyId())
                .claim(TokenType.CLAIM, TokenType.REFRESH.claim())
                .build());
        return new Issued(access, settings.accessTokenTtl(), refresh, Duration.between(now, family.expiresAt()));
    }

    private static String claim(Jwt jwt, String name) {
        String value = jwt.getClaimAsString(name);
        if (value == null) {
            throw new IllegalArgumentException("the token has no " + name);
        }
        return value;
    }
}
