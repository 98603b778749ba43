package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work reconciliation has left, counted in the database every {@code fluxpay.metrics.refresh} (15 s):
 * {@code fluxpay.reconciler.backlog} (payments unknown, in progress or awaiting compensation; refunds unknown) and
 * {@code fluxpay.needs.attention} (what a human must resolve), each tagged {@code kind} = payment or refund.
 */
@Component
class UnresolvedGauges {

    private final DatabaseClient db;
    private final AtomicLong paymentBacklog = new AtomicLong();
    private final AtomicLong refundBacklog = new AtomicLong();
    private final AtomicLong paymentsNeedingAttention = new AtomicLong();
    private final AtomicLong refundsNeedingAttention = new AtomicLong();

    UnresolvedGauges(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        gauge(meters, "fluxpay.reconciler.backlog", "payment", paymentBacklog, "Unresolved, awaiting reconciliation");
        gauge(meters, "fluxpay.reconciler.backlog", "refund", refundBacklog, "Unresolved, awaiting reconciliation");
        gauge(meters, "fluxpay.needs.attention", "payment", paymentsNeedingAttention, "Left for a human");
        gauge(meters, "fluxpay.needs.attention", "refund", refundsNeedingAttention, "Left for a human");
    }

    @Scheduled(
            scheduler = JobSchedulers.HOUSEKEEPING,
            initialDelay = 0,
            fixedDelayString = "${fluxpay.metrics.refresh:15s}")
    void refresh() {
        db.sql("""
                        SELECT (SELECT count(*) FROM payments WHERE next_check_at IS NOT NULL) AS payment_backlog,
                               (SELECT count(*) FROM refunds WHERE status = 'UNKNOWN') AS refund_backlog,
                               (SELECT count(*) FROM payments WHERE status = 'NEEDS_ATTENTION') AS payment_attention,
                               (SELECT count(*) FROM refunds WHERE status = 'NEEDS_ATTENTION') AS refund_attention""")
                .map(row -> {
                    paymentBacklog.set(count(row.get("payment_backlog", Long.class)));
                    refundBacklog.set(count(row.get("refund_backlog", Long.class)));
                    paymentsNeedingAttention.set(count(row.get("payment_attention", Long.class)));
                    refundsNeedingAttention.set(count(row.get("refund_attention", Long.class)));
                    return true;
                })
                .one()
                .block();
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    private static void gauge(MeterRegistry meters, String name, String kind, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tag("kind", kind)
                .register(meters);
    }
}
