package dev.perfplatform.fluxpay.pgwebhook;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Picks up receipts whose processing failed and whose wait is over, or whose processor vanished (the app stopped
 * after storing the receipt) and whose lease ran out; instances share them through {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class PgWebhookRetrier {

    private final WebhookReceipts receipts;
    private final PgWebhookProcessor processor;
    private final PgWebhookSettings settings;

    PgWebhookRetrier(WebhookReceipts receipts, PgWebhookProcessor processor, PgWebhookSettings settings) {
        this.receipts = receipts;
        this.processor = processor;
        this.settings = settings;
    }

    @Scheduled(
            initialDelayString = "${fluxpay.pg.webhooks.interval:5s}",
            fixedDelayString = "${fluxpay.pg.webhooks.interval:5s}")
    void retryDue() {
        receipts.claimDue(settings.batchSize(), settings.processingLease())
                .concatMap(processor::process)
                .then()
                .block();
    }
}
