package dev.perfplatform.fluxpay.idempotency;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.idempotency.*}: how long a request may hold its key before another attempt may take over, how long a
 * completed answer is kept for replay, and the optional Redis ({@code redis-url}, e.g. {@code redis://127.0.0.1:6379})
 * that answers concurrent duplicates without a database round trip, bounded by {@code redis-timeout}.
 */
@ConfigurationProperties("fluxpay.idempotency")
public record IdempotencySettings(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("24h") Duration retention,
        @Nullable String redisUrl,
        @DefaultValue("100ms") Duration redisTimeout) {

    @Override
    public String toString() {
        return "IdempotencySettings[lease=" + lease + ", retention=" + retention + ", redis="
                + (redisUrl == null || redisUrl.isBlank() ? "off" : "(set)") + "]";
    }
}
