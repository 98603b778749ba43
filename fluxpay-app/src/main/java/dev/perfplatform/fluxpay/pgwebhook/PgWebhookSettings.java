package dev.perfplatform.fluxpay.pgwebhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.pg.webhooks.*}: how long a receipt being processed is left to its processor, the waits before each
 * retry of one whose processing failed (it gives up and is marked FAILED after the last), and how often and how many
 * due receipts are picked up. And what bounds the work an unauthenticated caller can cause: a payment is looked up at
 * the PG at most once per {@code lookup-window} (10 s); at most {@code lookup-concurrency} (4) webhook look-ups run at
 * once, so confirms keep most of the connection pool they share (Reactor Netty's, 2 × max(cores, 8) connections); at
 * most {@code queue-capacity} (256) deliveries are processed in the background at once, and past it a delivery is
 * refused with 503 and {@code Retry-After} ({@code busy-retry-after}, 60 s), storing nothing: Toss re-sends it.
 */
@ConfigurationProperties("fluxpay.pg.webhooks")
public record PgWebhookSettings(
        @DefaultValue("30s") Duration processingLease,

        @DefaultValue({"5s", "30s", "2m", "10m", "1h", "6h"})
        List<Duration> retryBackoff,

        @DefaultValue("5s") Duration interval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("10s") Duration lookupWindow,
        @DefaultValue("4") int lookupConcurrency,
        @DefaultValue("256") int queueCapacity,
        @DefaultValue("60s") Duration busyRetryAfter) {

    public PgWebhookSettings {
        retryBackoff = List.copyOf(retryBackoff);
        if (lookupWindow.isNegative()) {
            throw new IllegalArgumentException("fluxpay.pg.webhooks.lookup-window must not be negative");
        }
        if (lookupConcurrency < 1) {
            throw new IllegalArgumentException("fluxpay.pg.webhooks.lookup-concurrency must be at least 1");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("fluxpay.pg.webhooks.queue-capacity must be at least 1");
        }
        if (busyRetryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("fluxpay.pg.webhooks.busy-retry-after must be at least 1s");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based); empty once the retries are used up. */
    Optional<Duration> retryAfter(int attempt) {
        return attempt <= retryBackoff.size() ? Optional.of(retryBackoff.get(attempt - 1)) : Optional.empty();
    }
}
