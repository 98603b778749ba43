package dev.perfplatform.fluxpay.pg;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.pg.toss.*}: the TossPayments v1 API the adapter calls. Without a base URL it calls this app's own
 * simulator ({@code /sim/v1}). The secret key ({@code FLUXPAY_TOSS_SECRET_KEY}) never appears in logs.
 */
@ConfigurationProperties("fluxpay.pg.toss")
public record TossSettings(
        @Nullable URI baseUrl,
        @DefaultValue("test_sk_simulator") String secretKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    @Override
    public String toString() {
        return "TossSettings[baseUrl=" + baseUrl + ", secretKey=(hidden), connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
