package dev.perfplatform.fluxpay.order;

import dev.perfplatform.fluxpay.payment.PaymentRepository;
import dev.perfplatform.fluxpay.payment.PaymentRepository.Changes;
import dev.perfplatform.fluxpay.payment.PaymentStatus;
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
 * batch, claimed with {@code FOR UPDATE SKIP LOCKED}). A payment whose confirm is already in flight is left to finish:
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
            initialDelayString = "${fluxpay.orders.expiry-interval:30s}",
            fixedDelayString = "${fluxpay.orders.expiry-interval:30s}")
    void expireDue() {
        Long expired = expire().count().block();
        if (expired != null && expired > 0) {
            log.info("expired {} orders left pending for {}", expired, settings.ttl());
        }
    }

    /** Expires one batch of overdue orders; emits their ids. */
    Flux<UUID> expire() {
        return transactions.transactional(orders.expireOverdue(settings.ttl(), settings.expiryBatch())
                .concatMap(orderId -> payments.readyOf(orderId)
                        .concatMap(paymentId -> payments.transition(
                                paymentId,
                                EnumSet.of(PaymentStatus.READY),
                                PaymentStatus.EXPIRED,
                                "order expired",
                                Changes.none()))
                        .then(Mono.just(orderId))));
    }

    /** {@code fluxpay.orders.*}: how long an order may stay unpaid, and how many expire per run. */
    @ConfigurationProperties("fluxpay.orders")
    record Settings(
            @DefaultValue("1h") Duration ttl,
            @DefaultValue("100") int expiryBatch) {}
}
