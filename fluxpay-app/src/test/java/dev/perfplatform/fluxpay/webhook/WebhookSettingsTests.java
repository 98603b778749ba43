package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebhookSettingsTests {

    @Test
    void defaultsFollowTheStandardWebhooksScheduleThenGiveUp() {
        WebhookSettings settings = bind(Map.of());

        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.allowedHosts()).isEmpty();
        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retryAfter(3)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.retryAfter(4)).isEqualTo(Duration.ofHours(2));
        assertThat(settings.retryAfter(5)).isEqualTo(Duration.ofHours(5));
        assertThat(settings.retryAfter(6)).isEqualTo(Duration.ofHours(10));
        assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofHours(10));
        assertThat(settings.retryAfter(8)).as("eight attempts, then failed").isNull();
    }

    @Test
    void anEmptyAllowlistFromTheEnvironmentAllowsNothing() {
        assertThat(bind(Map.of("fluxpay.webhooks.allowed-hosts", "")).allowedHosts())
                .isEmpty();
    }

    @Test
    void refusesALeaseShorterThanAnAttempt() {
        assertThatThrownBy(() -> bind(Map.of("fluxpay.webhooks.lease", "10s")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("fluxpay.webhooks.lease (PT10S) must be longer than timeout + connect-timeout,"
                        + " or a slow attempt's delivery is reclaimed while it still runs");
    }

    private static WebhookSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("fluxpay.webhooks", WebhookSettings.class);
    }
}
