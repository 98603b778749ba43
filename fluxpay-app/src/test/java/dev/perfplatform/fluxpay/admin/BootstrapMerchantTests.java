package dev.perfplatform.fluxpay.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.webhook.WebhookSettings;
import dev.perfplatform.fluxpay.webhook.WebhookUrlGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** What the bootstrap merchant refuses before it touches the database: a guarded webhook URL, a malformed secret. */
class BootstrapMerchantTests {

    private static final String API_KEY = "sk_test_bootstrap_checks_0123456789";

    @Test
    void refusesToStartWithALoopbackWebhookUrlOutsideTheAllowlist() {
        BootstrapMerchant bootstrap =
                bootstrap(new BootstrapMerchant.Settings(API_KEY, "shop", "http://127.0.0.1:9000/hooks", null), "");

        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fluxpay.bootstrap-merchant.webhook-url")
                .hasMessageContaining("loopback");
    }

    @Test
    void refusesToStartWithAWebhookUrlThatIsNotHttp() {
        BootstrapMerchant bootstrap =
                bootstrap(new BootstrapMerchant.Settings(API_KEY, "shop", "file:///etc/passwd", null), "");

        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http or https");
    }

    @Test
    void refusesAMalformedSecretWithoutEchoingIt() {
        String secret = "whsec_dG9vLXNob3J0LXRvLWJlLWEta2V5";
        BootstrapMerchant bootstrap = bootstrap(
                new BootstrapMerchant.Settings(API_KEY, "shop", "http://127.0.0.1:9000/hooks", secret), "127.0.0.1");

        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLUXPAY_WEBHOOK_SECRET")
                .hasMessageNotContaining(secret)
                .hasMessageNotContaining(secret.substring("whsec_".length()));
    }

    @Test
    void refusesAShortKeyOutsideTheEmbeddedDevelopmentMode() {
        String shortKey = "sk_test_local";
        BootstrapMerchant bootstrap = bootstrap(new BootstrapMerchant.Settings(shortKey, "shop", null, null), "");

        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLUXPAY_API_KEY")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void settingsNeverShowTheKeyOrTheSecret() {
        String shown = new BootstrapMerchant.Settings(API_KEY, "shop", null, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .toString();

        assertThat(shown).doesNotContain(API_KEY).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    /** A bootstrap whose checks fail before it needs its repository. */
    private static BootstrapMerchant bootstrap(BootstrapMerchant.Settings settings, String allowedHosts) {
        WebhookSettings webhooks = new Binder(
                        new MapConfigurationPropertySource(Map.of("fluxpay.webhooks.allowed-hosts", allowedHosts)))
                .bindOrCreate("fluxpay.webhooks", WebhookSettings.class);
        return new BootstrapMerchant(null, settings, new WebhookUrlGuard(webhooks), new MockEnvironment());
    }
}
