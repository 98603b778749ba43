package dev.perfplatform.examples.payment;

import dev.perfplatform.payment.client.model.Payment;
import dev.perfplatform.payment.client.model.Refund;
import dev.perfplatform.payment.client.webhook.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The verified events this merchant handled, each once. FluxPay delivers at least once (a retry after a lost answer,
 * an operator's replay), always with the same {@code webhook-id}, so an id seen before is dropped. A real app keeps
 * the ids in its database, under a unique constraint, in the transaction that fulfils the order.
 */
@Component
class ReceivedEvents {

    private static final Logger log = LoggerFactory.getLogger(ReceivedEvents.class);

    private final Map<String, Received> byWebhookId = new ConcurrentHashMap<>();
    private final List<Received> inArrivalOrder = new CopyOnWriteArrayList<>();

    /** Handles {@code event} unless its {@code webhook-id} was handled already; true when it was new. */
    boolean handleOnce(WebhookEvent event) {
        Received received = read(event);
        if (byWebhookId.putIfAbsent(event.webhookId(), received) != null) {
            log.info("dropped a repeated delivery of {} ({})", event.webhookId(), event.type());
            return false;
        }
        inArrivalOrder.add(received);
        // Here a real app fulfils the order (payment.confirmed), books the refund (refund.succeeded), and so on.
        log.info("{} {}: {} is {}", event.webhookId(), received.type(), received.objectId(), received.status());
        return true;
    }

    /** Every event handled so far, first first. */
    List<Received> all() {
        return List.copyOf(inArrivalOrder);
    }

    private static Received read(WebhookEvent event) {
        if (event.type().startsWith("refund.")) {
            Refund refund = event.dataAs(Refund.class);
            return new Received(
                    event.webhookId(),
                    event.type(),
                    refund.refundId(),
                    refund.status().name());
        }
        Payment payment = event.dataAs(Payment.class);
        return new Received(
                event.webhookId(),
                event.type(),
                payment.paymentId(),
                payment.status().name());
    }

    /**
     * One handled event.
     *
     * @param webhookId the delivery's {@code webhook-id}
     * @param type e.g. {@code payment.confirmed}
     * @param objectId the payment's or refund's id
     * @param status its status in the event
     */
    record Received(String webhookId, String type, String objectId, String status) {}
}
