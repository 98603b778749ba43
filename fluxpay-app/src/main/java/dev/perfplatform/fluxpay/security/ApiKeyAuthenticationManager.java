package dev.perfplatform.fluxpay.security;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.admin.AdminSettings;
import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Resolves a bearer key to its caller: the operator's admin key ({@code FLUXPAY_ADMIN_KEY}, compared in constant time
 * through both keys' SHA-256, so not even the length leaks; unset means no key is the admin key), else the merchant
 * whose current or still-valid previous API key it is; anything else is a {@link BadCredentialsException}.
 */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    static final String ADMIN_ROLE = "ADMIN";
    static final String MERCHANT_ROLE = "MERCHANT";

    private final byte[] adminKeyHash;
    private final MerchantRepository merchants;

    ApiKeyAuthenticationManager(AdminSettings admin, MerchantRepository merchants) {
        String key = admin.key();
        this.adminKeyHash = key == null || key.isBlank() ? new byte[0] : hash(key);
        this.merchants = merchants;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof ApiKeyAuthentication presented)) {
            return Mono.empty();
        }
        String key = presented.key();
        if (adminKeyHash.length > 0 && MessageDigest.isEqual(adminKeyHash, hash(key))) {
            return Mono.just(ApiKeyAuthentication.authenticated(ApiKeyAuthentication.ADMIN, ADMIN_ROLE));
        }
        return merchants
                .findByApiKey(key)
                .<Authentication>map(merchant -> ApiKeyAuthentication.authenticated(merchant, MERCHANT_ROLE))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown API key")));
    }

    private static byte[] hash(String key) {
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8));
    }
}
