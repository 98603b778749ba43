package dev.perfplatform.fluxpay.admin;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.admin.*}: the operator's bearer key ({@code FLUXPAY_ADMIN_KEY}; without it the admin API refuses
 * every request) and how long a rotated credential stays valid by default.
 */
@ConfigurationProperties("fluxpay.admin")
public record AdminSettings(
        @Nullable String key, @DefaultValue("24h") Duration rotationGrace) {

    @Override
    public String toString() {
        return "AdminSettings[key=" + (key == null || key.isBlank() ? "unset" : "(set)") + ", rotationGrace="
                + rotationGrace + "]";
    }
}
