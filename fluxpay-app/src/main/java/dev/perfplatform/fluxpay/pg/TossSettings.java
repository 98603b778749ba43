package dev.perfplatform.fluxpay.pg;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.pg.toss.*}: the TossPayments v1 API the adapter calls. Without a base URL it calls this app's own
 * simulator ({@code /sim/v1}). The secret key ({@code FLUXPAY_TOSS_SECRET_KEY}) never appears in logs. The read
 * timeout (20 s) stays below payment-client's 30 s, so a merchant whose PG answer was lost hears 202 UNKNOWN from the
 * engine instead of timing out itself; a slower answer is found by reconciliation.
 */
@ConfigurationProperties("fluxpay.pg.toss")
public record TossSettings(
        @Nullable URI baseUrl,
        @DefaultValue("test_sk_simulator") String secretKey,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    @Override
    public String toString() {
        return "TossSettings[baseUrl=" + baseUrl + ", secretKey=(hidden), connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
