package dev.perfplatform.moalog.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signs and verifies moalog's tokens with one HS256 key: Nimbus does the cryptography through Spring Security's
 * {@link JwtEncoder} and {@link ReactiveJwtDecoder}; this class only chooses the key and says which
 * {@link TokenType} each decoder accepts (a refresh or sign-up token is never an access token). Expiry is checked
 * against the app's clock with no leeway.
 */
@Component
public class TokenCodec {

    private static final Logger log = LoggerFactory.getLogger(TokenCodec.class);

    private final JwtEncoder encoder;
    private final Map<TokenType, ReactiveJwtDecoder> decoders = new EnumMap<>(TokenType.class);
    private final boolean generatedKey;

    public TokenCodec(JwtSettings settings, Clock clock) {
        SecretKey key;
        if (!settings.secret().isEmpty()) {
            byte[] bytes = settings.secret().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < JwtSettings.MIN_SECRET_BYTES) {
                throw new IllegalStateException("JWT_SECRET (moalog.jwt.secret) must be at least "
                        + JwtSettings.MIN_SECRET_BYTES + " bytes for HS256, but has " + bytes.length);
            }
            key = new SecretKeySpec(bytes, "HmacSHA256");
            generatedKey = false;
        } else if (settings.generateSecret()) {
            byte[] bytes = new byte[JwtSettings.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(bytes);
            key = new SecretKeySpec(bytes, "HmacSHA256");
            generatedKey = true;
            log.warn("JWT_SECRET is not set: signing tokens with a random key generated for this process"
                    + " (moalog.jwt.generate-secret=true, development only); every token dies with the process.");
        } else {
            throw new IllegalStateException("JWT_SECRET (moalog.jwt.secret) is not set: give moalog an HS256 key of at"
                    + " least " + JwtSettings.MIN_SECRET_BYTES + " bytes, or, for development only, set"
                    + " MOALOG_GENERATE_JWT_SECRET=true to generate one per process.");
        }
        encoder = NimbusJwtEncoder.withSecretKey(key)
                .algorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(java.time.Duration.ZERO);
        expiry.setClock(clock);
        for (TokenType type : TokenType.values()) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            OAuth2TokenValidator<Jwt> typed = new JwtClaimValidator<String>(TokenType.CLAIM, type.claim()::equals);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, typed));
            decoders.put(type, decoder);
        }
    }

    /** Signs {@code claims} (which carry their {@link TokenType#CLAIM}) as a compact JWS. */
    public String encode(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The verified claims of a token of {@code type}; an error when it is invalid, expired or of another type. */
    public Mono<Jwt> decode(TokenType type, String token) {
        return Objects.requireNonNull(decoders.get(type)).decode(token);
    }

    /** The decoder of access tokens, for the resource server. */
    ReactiveJwtDecoder accessDecoder() {
        return Objects.requireNonNull(decoders.get(TokenType.ACCESS));
    }

    /** Whether the key was generated for this process (the development stand-in). */
    public boolean generatedKey() {
        return generatedKey;
    }
}
