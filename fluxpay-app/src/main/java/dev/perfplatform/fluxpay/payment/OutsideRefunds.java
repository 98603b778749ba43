package dev.perfplatform.fluxpay.payment;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where a cancel the PG made outside the engine becomes a refund of the payment (implemented by the refund package, so
 * payments need not know how refunds are stored).
 */
public interface OutsideRefunds {

    /**
     * Adds {@code amount} to a DONE or PARTIAL_CANCELED payment's refunded amount (none awaiting its compensation,
     * whose own cancel the PG may be showing), provided it still is {@code refundedBefore} (so two processes that saw
     * the same PG state record it once), and records it as a SUCCEEDED refund with its merchant webhook; emits the
     * refund's id, or empty when the payment changed meanwhile. Call inside a transaction.
     */
    Mono<UUID> recordCanceledOutside(UUID paymentId, long refundedBefore, long amount, String reason);
}
