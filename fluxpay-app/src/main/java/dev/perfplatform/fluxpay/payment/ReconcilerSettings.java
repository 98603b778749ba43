package dev.perfplatform.fluxpay.payment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.reconciler.*}: how often due payments and refunds are looked for, the wait before each successive PG
 * look-up of an unknown payment or re-send of an unknown refund (the last repeats), how long a payment may stay IN_PROGRESS before it is looked up (longer than
 * the PG read timeout, so a confirm still waiting for its answer is left alone), the age after which it needs a
 * human, how many are claimed at once, and how many of those wait on the PG at the same time ({@code concurrency}, so
 * a slow PG costs a batch a few read timeouts, not one per item).
 */
@ConfigurationProperties("fluxpay.reconciler")
public record ReconcilerSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration interval,

        @DefaultValue({"5s", "30s", "2m", "10m", "1h", "6h", "1d"})
        List<Duration> backoff,

        @DefaultValue("60s") Duration inProgressGrace,
        @DefaultValue("3d") Duration giveUpAfter,
        @DefaultValue("20") int batchSize,
        @DefaultValue("4") int concurrency) {

    public ReconcilerSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("fluxpay.reconciler.concurrency must be at least 1");
        }
    }

    /** The wait before look-up number {@code attempt} (0-based). */
    public Duration backoff(int attempt) {
        return backoff.get(Math.min(attempt, backoff.size() - 1));
    }
}
