package dev.perfplatform.fluxpay.pg;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.pg.toss.*}: the TossPayments v1 API the adapter calls ({@code FLUXPAY_TOSS_BASE_URL}, e.g.
 * {@code https://api.tosspayments.com/v1}, and {@code FLUXPAY_TOSS_SECRET_KEY}, which never appears in logs), both
 * required in {@link PgMode#TOSS}. In {@link PgMode#SIMULATOR} the adapter calls this app's own simulator
 * ({@code /sim/v1}) with the secret key, {@value #SIMULATOR_SECRET_KEY} unless one is set. The read timeout (20 s)
 * stays below payment-client's 30 s, so a merchant whose PG answer was lost hears 202 UNKNOWN from the engine instead
 * of timing out itself; a slower answer is found by reconciliation.
 */
@ConfigurationProperties("fluxpay.pg.toss")
public record TossSettings(
        @Nullable URI baseUrl,
        @Nullable String secretKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    /** The secret key the simulator accepts when none is configured. */
    public static final String SIMULATOR_SECRET_KEY = "test_sk_simulator";

    /** The configured base URL; null when unset or blank. */
    public @Nullable URI configuredBaseUrl() {
        return baseUrl == null || baseUrl.toString().isBlank() ? null : baseUrl;
    }

    /** The secret key the adapter sends and the simulator expects. */
    public String effectiveSecretKey() {
        return secretKey == null || secretKey.isBlank() ? SIMULATOR_SECRET_KEY : secretKey;
    }

    @Override
    public String toString() {
        return "TossSettings[baseUrl=" + baseUrl + ", secretKey=" + (secretKey == null ? "unset" : "(hidden)")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
