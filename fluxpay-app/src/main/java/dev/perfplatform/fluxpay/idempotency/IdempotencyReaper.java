package dev.perfplatform.fluxpay.idempotency;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes idempotency records past their retention, every {@code fluxpay.idempotency.reap-interval} (10 min). */
@Component
class IdempotencyReaper {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyReaper.class);

    private final IdempotencyRecords records;
    private final IdempotencySettings settings;

    IdempotencyReaper(IdempotencyRecords records, IdempotencySettings settings) {
        this.records = records;
        this.settings = settings;
    }

    @Scheduled(
            scheduler = JobSchedulers.HOUSEKEEPING,
            initialDelayString = "${fluxpay.idempotency.reap-interval:10m}",
            fixedDelayString = "${fluxpay.idempotency.reap-interval:10m}")
    void reap() {
        Long deleted = records.deleteAllExpired(settings.retention()).block();
        if (deleted != null && deleted > 0) {
            log.info("deleted {} idempotency records older than {}", deleted, settings.retention());
        }
    }
}
