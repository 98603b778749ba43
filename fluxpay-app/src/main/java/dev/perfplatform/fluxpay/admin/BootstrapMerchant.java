package dev.perfplatform.fluxpay.admin;

import dev.perfplatform.fluxpay.DevelopmentMode;
import dev.perfplatform.fluxpay.merchant.ApiKeys;
import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import dev.perfplatform.fluxpay.webhook.WebhookDestinationRefusedException;
import dev.perfplatform.fluxpay.webhook.WebhookUrlGuard;
import dev.perfplatform.payment.client.webhook.WebhookSecret;
import java.net.UnknownHostException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The merchant of a single-merchant deployment, from the environment: {@code FLUXPAY_API_KEY} (the key the merchant
 * app's payment-client uses) and optionally {@code FLUXPAY_MERCHANT_WEBHOOK_URL} and {@code FLUXPAY_WEBHOOK_SECRET}
 * (the {@code whsec_} secret its webhooks are signed with). Created at start-up when missing; its id is derived from
 * the key, so every instance agrees on it. A configured webhook URL and secret are applied on every start; a URL the
 * {@link WebhookUrlGuard} refuses stops the start. Without a configured secret a random one is generated once and
 * stored: the log says so, never its value. Neither key nor secret is ever logged, and the merchant's id only at
 * DEBUG. Outside the embedded development mode a key shorter than {@value #MIN_KEY_LENGTH} characters stops the
 * start.
 */
@Component
public class BootstrapMerchant implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapMerchant.class);

    /** The shortest bootstrap API key accepted outside the embedded development mode. */
    static final int MIN_KEY_LENGTH = 32;

    private final MerchantRepository merchants;
    private final Settings settings;
    private final WebhookUrlGuard webhookUrls;
    private final Environment environment;

    public BootstrapMerchant(
            MerchantRepository merchants, Settings settings, WebhookUrlGuard webhookUrls, Environment environment) {
        this.merchants = merchants;
        this.settings = settings;
        this.webhookUrls = webhookUrls;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String apiKey = settings.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            log.warn("no bootstrap merchant, so every /api/v1 call is refused: set FLUXPAY_API_KEY (any secret, e.g."
                    + " sk_test_local) and restart, then call with Authorization: Bearer <that key>");
            return;
        }
        if (apiKey.length() < MIN_KEY_LENGTH && !DevelopmentMode.isActive(environment)) {
            throw new IllegalStateException("FLUXPAY_API_KEY (fluxpay.bootstrap-merchant.api-key) is "
                    + apiKey.length() + " characters; outside the embedded development mode it must be at least "
                    + MIN_KEY_LENGTH + " (e.g. sk_ followed by 43 random base64url characters)");
        }
        String webhookUrl = blankToNull(settings.webhookUrl());
        checkWebhookUrl(webhookUrl);
        String webhookSecret = webhookSecret();
        UUID id = UUID.nameUUIDFromBytes(ApiKeys.hash(apiKey));
        Boolean created = merchants
                .createIfAbsent(id, settings.name(), apiKey, webhookUrl)
                .block();
        log.info(
                "bootstrap merchant {} {}",
                settings.name(),
                Boolean.TRUE.equals(created) ? "created" : "already present");
        log.debug("bootstrap merchant {} has id {}", settings.name(), id);
        Boolean generated = merchants
                .configureWebhooks(
                        id, webhookUrl, webhookSecret, WebhookSecret.generate().serialized())
                .block();
        if (Boolean.TRUE.equals(generated)) {
            log.info(
                    "bootstrap merchant {}: generated a webhook signing secret (not logged); set"
                            + " FLUXPAY_WEBHOOK_SECRET to choose it",
                    settings.name());
        }
    }

    private void checkWebhookUrl(@Nullable String webhookUrl) {
        if (webhookUrl == null) {
            return;
        }
        try {
            webhookUrls.check(webhookUrl);
        } catch (WebhookDestinationRefusedException e) {
            throw new IllegalStateException("fluxpay.bootstrap-merchant.webhook-url: " + e.getMessage(), e);
        } catch (UnknownHostException e) {
            log.warn("the bootstrap merchant's webhook host does not resolve yet; every delivery checks it again");
        }
    }

    /** The configured secret in its canonical form; fails without echoing it. */
    private @Nullable String webhookSecret() {
        String secret = blankToNull(settings.webhookSecret());
        if (secret == null) {
            return null;
        }
        try {
            return WebhookSecret.parse(secret).serialized();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "fluxpay.bootstrap-merchant.webhook-secret (FLUXPAY_WEBHOOK_SECRET): " + e.getMessage(), e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code fluxpay.bootstrap-merchant.*}. */
    @ConfigurationProperties("fluxpay.bootstrap-merchant")
    public record Settings(
            @Nullable String apiKey,
            @DefaultValue("bootstrap") String name,
            @Nullable String webhookUrl,
            @Nullable String webhookSecret) {
        @Override
        public String toString() {
            return "Settings[apiKey=" + (apiKey == null ? "unset" : "(set)") + ", name=" + name + ", webhookUrl="
                    + webhookUrl + ", webhookSecret=" + (webhookSecret == null ? "unset" : "(set)") + "]";
        }
    }
}
