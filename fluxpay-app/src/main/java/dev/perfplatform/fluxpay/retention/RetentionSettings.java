package dev.perfplatform.fluxpay.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.retention.*}: whether and how often retention runs, how many rows one delete statement takes, and how
 * long each kind of row is kept: PG webhook receipts after they arrived (30 days; a receipt still being processed is
 * kept), merchant webhook deliveries with their attempts after they reached a final state (30 days; a pending one is
 * kept whatever its age), a webhook event once it has no delivery left and is that old (30 days), and the simulator's
 * payments and idempotency records (7 days). Idempotency keys keep {@code fluxpay.idempotency.retention}.
 */
@ConfigurationProperties("fluxpay.retention")
public record RetentionSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("30d") Duration pgWebhookReceipts,
        @DefaultValue("30d") Duration webhookDeliveries,
        @DefaultValue("30d") Duration webhookEvents,
        @DefaultValue("7d") Duration simulator) {

    public RetentionSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("fluxpay.retention.batch-size must be at least 1");
        }
        positive("pg-webhook-receipts", pgWebhookReceipts);
        positive("webhook-deliveries", webhookDeliveries);
        positive("webhook-events", webhookEvents);
        positive("simulator", simulator);
        positive("interval", interval);
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("fluxpay.retention." + name + " must be positive, not " + value);
        }
    }
}
