package dev.perfplatform.fluxpay.pgwebhook;

import dev.perfplatform.fluxpay.pgwebhook.TossWebhook.Type;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code fluxpay.pg.webhooks{type, result}}: inbound PG webhooks by event type ({@link Type}, or {@code UNREADABLE}
 * for a body that could not be read) and result: {@code processed} (the payment changed), {@code ignored} (nothing
 * to change), {@code duplicate} (transmission id seen before), {@code rejected} (malformed, or a secret that is not
 * the payment's: answered 400), {@code busy} (the processing queue was full: answered 503, nothing stored, Toss
 * re-sends it), {@code failed} (processing gave up after its retries).
 */
@Component
class PgWebhookMetrics {

    static final String UNREADABLE = "UNREADABLE";

    private final MeterRegistry meters;

    PgWebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(String type, Result result) {
        Counter.builder("fluxpay.pg.webhooks")
                .description("Inbound PG webhooks by event type and result")
                .tag("type", type)
                .tag("result", result.tag())
                .register(meters)
                .increment();
    }

    /** How a webhook ended. */
    enum Result {
        PROCESSED,
        IGNORED,
        DUPLICATE,
        REJECTED,
        BUSY,
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
