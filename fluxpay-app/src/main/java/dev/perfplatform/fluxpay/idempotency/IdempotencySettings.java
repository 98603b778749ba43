package dev.perfplatform.fluxpay.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.idempotency.*}: how long a request may hold its key before another attempt may take over, and how
 * long a completed answer is kept for replay.
 */
@ConfigurationProperties("fluxpay.idempotency")
public record IdempotencySettings(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("24h") Duration retention) {}
