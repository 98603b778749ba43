package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.jobs.JobSchedulers;
import dev.perfplatform.fluxpay.order.OrderRepository;
import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expires orders left PENDING longer than {@code fluxpay.orders.ttl}, with their READY payments (one transaction per
 * order, taken with {@code FOR UPDATE SKIP LOCKED}, so instances share the work and one failing order holds up no
 * other). A payment whose confirm is already in flight is left to finish:
 * if the PG approves it, the order is no longer payable and the charge is compensated.
 */
@Component
@ConditionalOnBooleanProperty(name = "fluxpay.orders.expiry-enabled", matchIfMissing = true)
class OrderExpiry {

    private static final Logger log = LoggerFactory.getLogger(OrderExpiry.class);

    private final OrderRepository orders;
    private final PaymentRepository payments;
    private final TransactionalOperator transactions;
    private final Settings settings;

    OrderExpiry(
            OrderRepository orders, PaymentRepository payments, TransactionalOperator transactions, Settings settings) {
        this.orders = orders;
        this.payments = payments;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Scheduled(
            scheduler = JobSchedulers.ORDERS,
            initialDelayString = "${fluxpay.orders.expiry-interval:30s}",
            fixedDelayString = "${fluxpay.orders.expiry-interval:30s}")
    void expireDue() {
        Long expired = expire().count().block();
        if (expired != null && expired > 0) {
            log.info("expired {} orders left pending for {}", expired, settings.ttl());
        }
    }

    /**
     * Expires one batch of overdue orders, each with its READY payments in a transaction of its own; emits their ids.
     * An order that fails to expire is logged and tried again next round; the rest of the batch goes on.
     */
    Flux<UUID> expire() {
        // the batch is read in full first, so its connection goes back to the pool before the per-order transactions
        return orders.overdue(settings.ttl(), settings.expiryBatch())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(orderId -> transactions
                        .transactional(orders.expireIfOverdue(orderId, settings.ttl())
                                .flatMap(expired -> payments.readyOf(expired)
                                        .concatMap(paymentId -> payments.transition(
                                                paymentId,
                                                EnumSet.of(PaymentStatus.READY),
                                                PaymentStatus.EXPIRED,
                                                "order expired",
                                                Changes.none()))
                                        .then(Mono.just(expired))))
                        .onErrorResume(failure -> {
                            log.warn("order {} not expired; tried again next round", orderId, failure);
                            return Mono.empty();
                        }));
    }

    /** {@code fluxpay.orders.*}: how long an order may stay unpaid, and how many expire per run. */
    @ConfigurationProperties("fluxpay.orders")
    record Settings(
            @DefaultValue("1h") Duration ttl,
            @DefaultValue("100") int expiryBatch) {}
}
