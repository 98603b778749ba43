package dev.perfplatform.fluxpay.pgwebhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The places for deliveries processed in the background, at most {@link PgWebhookSettings#queueCapacity()} at once
 * (waiting for a look-up window or running); gauged as {@code fluxpay.pg.webhooks.queue}. A delivery that finds no
 * place is refused before anything is stored. One warning is logged when the queue fills, and again only after it
 * has drained to half.
 */
@Component
class ProcessingQueue {

    private static final Logger log = LoggerFactory.getLogger(ProcessingQueue.class);

    private final int capacity;
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicBoolean full = new AtomicBoolean();

    ProcessingQueue(PgWebhookSettings settings, MeterRegistry meters) {
        this.capacity = settings.queueCapacity();
        Gauge.builder("fluxpay.pg.webhooks.queue", taken, AtomicInteger::get)
                .description("Inbound PG webhooks being processed in the background (bounded by queue-capacity)")
                .register(meters);
    }

    /** A place, or null when all are taken. */
    @Nullable
    Place take() {
        int now;
        do {
            now = taken.get();
            if (now >= capacity) {
                if (full.compareAndSet(false, true)) {
                    log.warn("PG webhook queue full ({} in processing): refusing deliveries with 503", capacity);
                }
                return null;
            }
        } while (!taken.compareAndSet(now, now + 1));
        return new Place();
    }

    /** One delivery's place; freed once, however often {@link #free()} is called. */
    final class Place {

        private final AtomicBoolean freed = new AtomicBoolean();

        void free() {
            if (freed.compareAndSet(false, true) && taken.decrementAndGet() <= capacity / 2) {
                full.set(false);
            }
        }
    }
}
