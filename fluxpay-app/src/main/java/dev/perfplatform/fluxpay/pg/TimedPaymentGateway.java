package dev.perfplatform.fluxpay.pg;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gateway the engine uses: TossPayments, with every call timed as {@code fluxpay.pg.calls} tagged by
 * {@code operation} (confirm, cancel, lookup) and {@code outcome} (approved, declined, unknown).
 */
@Primary
@Component
class TimedPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final MeterRegistry meters;

    TimedPaymentGateway(TossPaymentsGateway delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public Mono<PgOutcome> confirm(String paymentKey, String pgOrderId, long amount, String idempotencyKey) {
        return timed("confirm", delegate.confirm(paymentKey, pgOrderId, amount, idempotencyKey));
    }

    @Override
    public Mono<PgOutcome> cancel(
            String paymentKey, long amount, long refundableAmount, String reason, String idempotencyKey) {
        return timed("cancel", delegate.cancel(paymentKey, amount, refundableAmount, reason, idempotencyKey));
    }

    @Override
    public Mono<PgOutcome> lookup(String paymentKey) {
        return timed("lookup", delegate.lookup(paymentKey));
    }

    @Override
    public Mono<PgOutcome> lookupByOrderId(String pgOrderId) {
        return timed("lookup", delegate.lookupByOrderId(pgOrderId));
    }

    private Mono<PgOutcome> timed(String operation, Mono<PgOutcome> call) {
        return Mono.defer(() -> {
            Timer.Sample started = Timer.start(meters);
            return call.doOnNext(outcome -> started.stop(Timer.builder("fluxpay.pg.calls")
                    .description("Calls to the PG, by operation and classified outcome")
                    .tag("operation", operation)
                    .tag("outcome", outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram()
                    .register(meters)));
        });
    }
}
