package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import dev.perfplatform.fluxpay.retention.BatchedDeletes;
import dev.perfplatform.fluxpay.retention.RetentionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency records past their retention ({@code fluxpay.idempotency.retention}, 24 h), every
 * {@code fluxpay.idempotency.reap-interval} (10 min), in batches of {@code fluxpay.retention.batch-size} counted in
 * {@code fluxpay.retention.deleted{table=idempotency_keys}}.
 */
@Component
class IdempotencyReaper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyReaper.class);

    private static final String TABLE = "idempotency_keys";

    private final IdempotencyRecords records;
    private final IdempotencySettings settings;
    private final BatchedDeletes deletes;
    private final int batchSize;

    IdempotencyReaper(
            IdempotencyRecords records,
            IdempotencySettings settings,
            BatchedDeletes deletes,
            RetentionSettings retention) {
        this.records = records;
        this.settings = settings;
        this.deletes = deletes;
        this.batchSize = retention.batchSize();
        deletes.count(TABLE, 0);
    }

    @Scheduled(
            scheduler = JobSchedulers.HOUSEKEEPING,
            initialDelayString = "${fluxpay.idempotency.reap-interval:10m}",
            fixedDelayString = "${fluxpay.idempotency.reap-interval:10m}")
    void reap() {
        Long deleted = deletes.inBatches(TABLE, batchSize, () -> records.deleteExpired(settings.retention(), batchSize))
                .block();
        if (deleted != null && deleted > 0) {
            log.info("deleted {} idempotency records older than {}", deleted, settings.retention());
        }
    }
}
