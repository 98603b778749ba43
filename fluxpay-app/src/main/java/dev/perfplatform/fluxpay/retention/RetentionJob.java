package dev.perfplatform.fluxpay.retention;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what outlived {@link RetentionSettings} every {@code fluxpay.retention.interval} (1 h), table by table in
 * bounded batches, on the app's clock; a table whose delete fails is logged and tried again next round while the
 * others go on. Off with {@code fluxpay.retention.enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "fluxpay.retention.enabled", matchIfMissing = true)
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final List<String> TABLES = List.of(
            "pg_webhook_receipts",
            "webhook_attempts",
            "webhook_deliveries",
            "webhook_events",
            "sim_payments",
            "sim_idempotency");

    private final ExpiredRows rows;
    private final BatchedDeletes deletes;
    private final RetentionSettings settings;
    private final Clock clock;

    RetentionJob(ExpiredRows rows, BatchedDeletes deletes, RetentionSettings settings, Clock clock) {
        this.rows = rows;
        this.deletes = deletes;
        this.settings = settings;
        this.clock = clock;
        TABLES.forEach(table -> deletes.count(table, 0));
    }

    @Scheduled(
            scheduler = JobSchedulers.HOUSEKEEPING,
            initialDelayString = "${fluxpay.retention.interval:1h}",
            fixedDelayString = "${fluxpay.retention.interval:1h}")
    void run() {
        Long deleted = prune().block();
        if (deleted != null && deleted > 0) {
            log.info("retention deleted {} rows", deleted);
        }
    }

    /** One round over every table; emits how many rows went. */
    Mono<Long> prune() {
        Instant now = clock.instant();
        return Flux.concat(
                        table("pg_webhook_receipts", settings.pgWebhookReceipts(), now, rows::pgWebhookReceipts),
                        table(
                                "webhook_deliveries",
                                settings.webhookDeliveries(),
                                now,
                                (cutoff, size) -> rows.webhookDeliveries(cutoff, size)
                                        .map(deleted -> {
                                            deletes.count("webhook_attempts", deleted.attempts());
                                            return deleted.deliveries();
                                        })),
                        table("webhook_events", settings.webhookEvents(), now, rows::webhookEvents),
                        table("sim_payments", settings.simulator(), now, rows::simPayments),
                        table("sim_idempotency", settings.simulator(), now, rows::simIdempotency))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> table(String table, Duration retention, Instant now, OneBatch batch) {
        Instant cutoff = now.minus(retention);
        int size = settings.batchSize();
        return deletes.inBatches(table, size, () -> batch.delete(cutoff, size)).onErrorResume(failure -> {
            log.warn("retention of {} failed; tried again next round", table, failure);
            return Mono.just(0L);
        });
    }

    /** One batch of one table's delete. */
    @FunctionalInterface
    private interface OneBatch {
        Mono<Long> delete(Instant cutoff, int batchSize);
    }
}
