package dev.perfplatform.fluxpay.pgwebhook;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Picks up receipts whose processing failed and whose wait is over, or whose processor vanished (the app stopped
 * after storing the receipt) and whose lease ran out; instances share them through {@code FOR UPDATE SKIP LOCKED}. A
 * receipt whose attempt fails is left to its lease; the rest of the batch goes on.
 */
@Component
class PgWebhookRetrier {

    private static final Logger log = LoggerFactory.getLogger(PgWebhookRetrier.class);

    private final WebhookReceipts receipts;
    private final PgWebhookProcessor processor;
    private final PgWebhookSettings settings;

    PgWebhookRetrier(WebhookReceipts receipts, PgWebhookProcessor processor, PgWebhookSettings settings) {
        this.receipts = receipts;
        this.processor = processor;
        this.settings = settings;
    }

    @Scheduled(
            scheduler = JobSchedulers.PG,
            initialDelayString = "${fluxpay.pg.webhooks.interval:5s}",
            fixedDelayString = "${fluxpay.pg.webhooks.interval:5s}")
    void retryDue() {
        receipts.claimDue(settings.batchSize(), settings.processingLease())
                .concatMap(receipt -> processor.process(receipt).onErrorResume(failure -> {
                    log.warn(
                            "webhook {} not processed; retried once its lease runs out",
                            receipt.transmissionId(),
                            failure);
                    return Mono.empty();
                }))
                .then()
                .block();
    }
}
