package dev.perfplatform.fluxpay.pgwebhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.pg.webhooks.*}: how long a receipt being processed is left to its processor, the waits before each
 * retry of one whose processing failed (it gives up and is marked FAILED after the last), and how often and how many
 * due receipts are picked up.
 */
@ConfigurationProperties("fluxpay.pg.webhooks")
public record PgWebhookSettings(
        @DefaultValue("30s") Duration processingLease,

        @DefaultValue({"5s", "30s", "2m", "10m", "1h", "6h"})
        List<Duration> retryBackoff,

        @DefaultValue("5s") Duration interval,
        @DefaultValue("20") int batchSize) {

    /** The wait after failed attempt number {@code attempt} (1-based); empty once the retries are used up. */
    Optional<Duration> retryAfter(int attempt) {
        return attempt <= retryBackoff.size() ? Optional.of(retryBackoff.get(attempt - 1)) : Optional.empty();
    }
}
