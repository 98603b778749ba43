package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import dev.perfplatform.fluxpay.webhook.WebhookDeliveryRepository.ClaimedDelivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Delivers due webhooks every {@code fluxpay.webhooks.poll-interval}: claims them with {@code FOR UPDATE SKIP LOCKED}
 * under a lease (so instances share the work and a dead worker's rows come back when its lease runs out), sends them
 * in parallel, and records each attempt: 2xx delivered; 410 disables the merchant's endpoint; anything else is retried
 * on {@code fluxpay.webhooks.retry-schedule}, then FAILED. Counts outcomes in {@code fluxpay.webhook.deliveries} and
 * publishes {@code fluxpay.webhook.backlog}. Off with {@code fluxpay.webhooks.worker-enabled=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "fluxpay.webhooks.worker-enabled", matchIfMissing = true)
class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final TransactionalOperator transactions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();

    WebhookWorker(
            WebhookDeliveryRepository deliveries,
            WebhookSender sender,
            TransactionalOperator transactions,
            WebhookSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("fluxpay.webhook.deliveries")
                            .description("Webhook delivery attempts and decisions, by outcome")
                            .tag("outcome", outcome.tag)
                            .register(meters));
        }
        Gauge.builder("fluxpay.webhook.backlog", backlog, AtomicLong::get)
                .description("Webhook deliveries due and not yet delivered")
                .register(meters);
    }

    /** One round, unless the previous one still runs; never blocks its scheduler thread. */
    @Scheduled(
            scheduler = JobSchedulers.WEBHOOKS,
            initialDelayString = "${fluxpay.webhooks.poll-interval:1s}",
            fixedDelayString = "${fluxpay.webhooks.poll-interval:1s}")
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        deliverDue()
                .doFinally(signal -> running.set(false))
                .subscribe(
                        handled -> {
                            if (handled > 0) {
                                log.debug("handled {} webhook deliveries", handled);
                            }
                        },
                        failure -> log.warn("webhook delivery round failed; the leases bring its rows back", failure));
    }

    /**
     * Claims the due deliveries, attempts each once (one that fails to be recorded is left to its lease), and refreshes
     * the backlog gauge; emits how many it handled.
     */
    Mono<Long> deliverDue() {
        return deliveries
                .claimDue(clock.instant(), settings.lease(), settings.batchSize())
                .flatMap(
                        delivery -> attempt(delivery).onErrorResume(failure -> {
                            // its lease brings the delivery back; the other deliveries of the round go on
                            log.warn(
                                    "webhook delivery {} not recorded; retried once its lease runs out",
                                    delivery.id(),
                                    failure);
                            return Mono.empty();
                        }),
                        settings.batchSize())
                .count()
                .flatMap(handled -> deliveries
                        .backlog(clock.instant())
                        .doOnNext(backlog::set)
                        .thenReturn(handled));
    }

    private Mono<Outcome> attempt(ClaimedDelivery delivery) {
        String url = delivery.url();
        if (delivery.endpointDisabled() || url == null) {
            String reason = url == null ? "the merchant has no webhook URL" : "the endpoint is disabled";
            return counted(delivery, deliveries.markDisabled(delivery, reason, clock.instant()), Outcome.DISABLED);
        }
        List<String> secrets = delivery.signingSecrets();
        Mono<AttemptResult> sent = secrets.isEmpty()
                ? Mono.just(AttemptResult.refused("the merchant has no webhook signing secret"))
                : sender.send(
                        url, secrets, delivery.webhookId(), delivery.payload().getBytes(StandardCharsets.UTF_8));
        return sent.flatMap(result -> record(delivery, result));
    }

    private Mono<Outcome> record(ClaimedDelivery delivery, AttemptResult result) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        return switch (result.kind()) {
            case DELIVERED ->
                counted(
                        delivery,
                        deliveries.recordAttempt(delivery, result, now, WebhookDeliveryStatus.SUCCEEDED, null),
                        Outcome.DELIVERED);
            case GONE -> {
                log.warn("webhook delivery {} answered 410 Gone: its merchant's endpoint is disabled", delivery.id());
                log.debug("webhook delivery {} belongs to merchant {}", delivery.id(), delivery.merchantId());
                yield counted(
                        delivery,
                        transactions.transactional(deliveries
                                .recordAttempt(delivery, result, now, WebhookDeliveryStatus.DISABLED, null)
                                .flatMap(held -> deliveries
                                        .disableEndpoint(delivery.merchantId(), now)
                                        .thenReturn(held))),
                        Outcome.DISABLED);
            }
            case FAILED, REFUSED -> failedAttempt(delivery, result, now, attempts);
        };
    }

    /** A delivery that was refused before sending or failed: retried later, or failed for good. */
    private Mono<Outcome> failedAttempt(ClaimedDelivery delivery, AttemptResult result, Instant now, int attempts) {
        Duration wait = settings.retryAfter(attempts);
        Outcome outcome = result.kind() == AttemptResult.Kind.REFUSED ? Outcome.REFUSED : retryOrFailed(wait);
        if (outcome == Outcome.REFUSED) {
            log.warn("webhook {} not sent: {}", delivery.webhookId(), result.error());
        }
        return counted(
                delivery,
                deliveries.recordAttempt(
                        delivery,
                        result,
                        now,
                        wait == null ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
                        wait == null ? null : now.plus(wait)),
                outcome);
    }

    private static Outcome retryOrFailed(@Nullable Duration wait) {
        return wait == null ? Outcome.FAILED : Outcome.RETRY;
    }

    /** Counts the outcome once its write landed; a worker that lost its lease meanwhile counts nothing. */
    private Mono<Outcome> counted(ClaimedDelivery delivery, Mono<Boolean> write, Outcome outcome) {
        return write.map(held -> {
            if (!held) {
                log.info("webhook delivery {} was reclaimed by another worker; its result is dropped", delivery.id());
                return outcome;
            }
            Counter counter = outcomes.get(outcome);
            if (counter != null) {
                counter.increment();
            }
            return outcome;
        });
    }

    /** The {@code outcome} tag of {@code fluxpay.webhook.deliveries}. */
    enum Outcome {
        DELIVERED("delivered"),
        RETRY("retry"),
        FAILED("failed"),
        DISABLED("disabled"),
        REFUSED("refused");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }
}
