package dev.perfplatform.fluxpay.merchant;

import dev.perfplatform.fluxpay.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * API keys are stored only as their SHA-256: keys are long random strings, so a plain hash is enough to make a
 * stolen table useless, and lookup by hash leaks no timing about the key.
 */
public final class ApiKeys {

    private ApiKeys() {}

    public static byte[] hash(String apiKey) {
        return Sha256.of(apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
