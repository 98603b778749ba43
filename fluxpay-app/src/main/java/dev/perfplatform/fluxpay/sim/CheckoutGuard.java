package dev.perfplatform.fluxpay.sim;

import dev.perfplatform.fluxpay.payment.PaymentStatus;
import io.r2dbc.spi.Readable;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses, at the payer's checkout, what a confirm could never settle: an {@code orderId} that is not the id of one of
 * this engine's payments (TossPayments' {@code orderId} is the engine's payment id, not its order id) or of one that is
 * no longer READY, and another amount than the payment's. It reads the engine's {@code payments} table itself, as the
 * PG's own books would hold the order, so the simulator depends on no engine code.
 */
@Component
class CheckoutGuard {

    static final String WHICH_ID =
            "orderId is the payment's id (paymentId from POST /api/v1/payments), not the order's";

    private final DatabaseClient db;

    CheckoutGuard(DatabaseClient db) {
        this.db = db;
    }

    /** Why the checkout of {@code orderId} for {@code amount} is refused; empty when it may go ahead. */
    Mono<Refusal> check(String orderId, long amount) {
        UUID id = uuid(orderId);
        if (id == null) {
            return Mono.just(new Refusal(404, "NOT_FOUND_PAYMENT", "no payment has this id: " + WHICH_ID));
        }
        return db.sql("SELECT status, amount FROM payments WHERE id = :id")
                .bind("id", id)
                .map(CheckoutGuard::payment)
                .one()
                .map(payment -> Optional.ofNullable(refusal(id, payment, amount)))
                .switchIfEmpty(Mono.defer(() -> isOrder(id)
                        .map(order -> Optional.of(new Refusal(
                                404,
                                "NOT_FOUND_PAYMENT",
                                order
                                        ? id + " is the order's id: " + WHICH_ID
                                        : "no payment has the id " + id + ": " + WHICH_ID)))))
                .flatMap(Mono::justOrEmpty);
    }

    private static @Nullable Refusal refusal(UUID id, Payable payment, long amount) {
        if (payment.status() != PaymentStatus.READY) {
            return new Refusal(
                    400,
                    "ALREADY_PROCESSED_PAYMENT",
                    "payment " + id + " is " + payment.status() + ": only a READY payment can be checked out");
        }
        if (payment.amount() != amount) {
            return new Refusal(
                    400,
                    "INVALID_REQUEST",
                    "amount " + amount + " differs from payment " + id + "'s amount " + payment.amount());
        }
        return null;
    }

    /** Whether {@code id} names an order: the mix-up of ids worth telling the payer about. */
    private Mono<Boolean> isOrder(UUID id) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM orders WHERE id = :id) AS found")
                .bind("id", id)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one();
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Payable payment(Readable row) {
        Number amount = row.get("amount", Number.class);
        return new Payable(
                PaymentStatus.valueOf(String.valueOf(row.get("status", String.class))),
                amount == null ? 0 : amount.longValue());
    }

    private record Payable(PaymentStatus status, long amount) {}

    /** A refusal in TossPayments' error shape: status, {@code code} and {@code message}. */
    record Refusal(int status, String code, String message) {}
}
