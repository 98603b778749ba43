package dev.perfplatform.fluxpay.merchant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.merchants.*}: how API-key authentication is cached. A key's merchant is kept for {@code
 * auth-cache-ttl} (5 s: a key revoked on another instance keeps working that long at most), an unknown key's absence
 * for {@code auth-negative-ttl} (2 s: a flood of bad keys costs one query per key per 2 s), at most {@code
 * auth-cache-size} (10,000) keys, the least recently used dropped first.
 */
@ConfigurationProperties("fluxpay.merchants")
public record MerchantSettings(
        @DefaultValue("5s") Duration authCacheTtl,
        @DefaultValue("2s") Duration authNegativeTtl,
        @DefaultValue("10000") int authCacheSize) {

    public MerchantSettings {
        if (authCacheTtl.isNegative() || authNegativeTtl.isNegative()) {
            throw new IllegalArgumentException(
                    "fluxpay.merchants.auth-cache-ttl and auth-negative-ttl must not be" + " negative");
        }
        if (authCacheSize < 1) {
            throw new IllegalArgumentException("fluxpay.merchants.auth-cache-size must be at least 1");
        }
    }
}
