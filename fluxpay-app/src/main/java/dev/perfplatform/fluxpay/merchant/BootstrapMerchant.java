package dev.perfplatform.fluxpay.merchant;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The merchant of a single-merchant deployment, from the environment: {@code FLUXPAY_API_KEY} (the key the merchant
 * app's payment-client uses) and optionally {@code FLUXPAY_MERCHANT_WEBHOOK_URL}. Created at start-up when missing;
 * its id is derived from the key, so every instance agrees on it. The key itself is never logged.
 */
@Component
public class BootstrapMerchant implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapMerchant.class);

    private final MerchantRepository merchants;
    private final Settings settings;

    public BootstrapMerchant(MerchantRepository merchants, Settings settings) {
        this.merchants = merchants;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String apiKey = settings.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            log.warn("no bootstrap merchant, so every /api/v1 call is refused: set FLUXPAY_API_KEY (any secret, e.g."
                    + " sk_test_local) and restart, then call with Authorization: Bearer <that key>");
            return;
        }
        UUID id = UUID.nameUUIDFromBytes(ApiKeys.hash(apiKey));
        Boolean created = merchants
                .createIfAbsent(id, settings.name(), apiKey, blankToNull(settings.webhookUrl()))
                .block();
        log.info(
                "bootstrap merchant {} ({}) {}",
                settings.name(),
                id,
                Boolean.TRUE.equals(created) ? "created" : "already present");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code fluxpay.bootstrap-merchant.*}. */
    @ConfigurationProperties("fluxpay.bootstrap-merchant")
    public record Settings(
            @Nullable String apiKey,
            @DefaultValue("bootstrap") String name,
            @Nullable String webhookUrl) {
        @Override
        public String toString() {
            return "Settings[apiKey=" + (apiKey == null ? "unset" : "(set)") + ", name=" + name + ", webhookUrl="
                    + webhookUrl + "]";
        }
    }
}
