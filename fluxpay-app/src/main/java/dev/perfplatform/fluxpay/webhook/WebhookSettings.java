package dev.perfplatform.fluxpay.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fluxpay.webhooks.*}: whether this instance runs the delivery worker and how often it looks for due deliveries,
 * how long an attempt may take, how long a claimed delivery is leased to its worker (after which another reclaims it),
 * how many deliveries one round claims, the waits between attempts (Standard Webhooks' schedule: after the first
 * attempt 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery has failed), and the hosts exempt from the
 * private-address guard ({@code FLUXPAY_WEBHOOK_ALLOWED_HOSTS}, e.g. the reference stack's loopback merchant).
 */
@ConfigurationProperties("fluxpay.webhooks")
public record WebhookSettings(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("20") int batchSize,

        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"})
        List<Duration> retrySchedule,

        @DefaultValue List<String> allowedHosts) {

    public WebhookSettings {
        if (lease.compareTo(timeout.plus(connectTimeout)) <= 0) {
            throw new IllegalArgumentException("fluxpay.webhooks.lease (" + lease
                    + ") must be longer than timeout + connect-timeout, or a slow attempt's delivery is reclaimed"
                    + " while it still runs");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("fluxpay.webhooks.batch-size must be at least 1");
        }
        retrySchedule = List.copyOf(retrySchedule);
        allowedHosts = allowedHosts.stream()
                .map(String::strip)
                .filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The wait before the next attempt after {@code attemptsMade} failed ones; null when the delivery has failed. */
    @Nullable
    Duration retryAfter(int attemptsMade) {
        return attemptsMade >= 1 && attemptsMade <= retrySchedule.size() ? retrySchedule.get(attemptsMade - 1) : null;
    }
}
