package dev.perfplatform.fluxpay.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code fluxpay.payments.transitions}: payments moved to each status, counted after the move commits — a transition
 * rolled back with its request, or lost to a concurrent one, is not counted. Every status's counter exists from the
 * start, so dashboards find them all.
 */
@Component
class TransitionCounts {

    private final Map<PaymentStatus, Counter> counters = new EnumMap<>(PaymentStatus.class);

    TransitionCounts(MeterRegistry meters) {
        for (PaymentStatus status : PaymentStatus.values()) {
            counters.put(
                    status,
                    Counter.builder("fluxpay.payments.transitions")
                            .description("Payments moved to a status, by status")
                            .tag("status", status.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** Counts a committed transition; outside any transaction the move was committed as it was written. */
    @TransactionalEventListener(fallbackExecution = true)
    void count(PaymentTransitioned transition) {
        Objects.requireNonNull(counters.get(transition.to())).increment();
    }
}
