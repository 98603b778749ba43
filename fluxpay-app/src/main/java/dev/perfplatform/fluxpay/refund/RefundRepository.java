package dev.perfplatform.fluxpay.refund;

import static dev.perfplatform.fluxpay.Rows.instant;
import static dev.perfplatform.fluxpay.Rows.nullableInstant;
import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;
import static dev.perfplatform.fluxpay.Rows.uuid;

import dev.perfplatform.fluxpay.order.Currency;
import dev.perfplatform.fluxpay.webhook.WebhookOutbox;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Refunds, and the reservations they hold on their payment's refundable amount. */
@Repository
public class RefundRepository {

    private static final String COLUMNS =
            "id, payment_id, status, amount, currency, reason, failure_message, created_at, completed_at";

    private final DatabaseClient db;
    private final WebhookOutbox webhooks;

    public RefundRepository(DatabaseClient db, WebhookOutbox webhooks) {
        this.db = db;
        this.webhooks = webhooks;
    }

    /**
     * Reserves {@code amount} of a DONE or PARTIAL_CANCELED payment, returning what was refundable before; empty when
     * the amount exceeds what is left (or the payment is not refundable). The database decides, atomically.
     */
    public Mono<Long> reserve(UUID paymentId, long amount) {
        return db.sql("UPDATE payments SET refunded_amount = refunded_amount + :amount, updated_at = now()"
                        + " WHERE id = :id AND status IN ('DONE', 'PARTIAL_CANCELED')"
                        + " AND refunded_amount + :amount <= amount"
                        + " RETURNING amount - refunded_amount + :amount AS refundable_before")
                .bind("id", paymentId)
                .bind("amount", amount)
                .map(row -> number(row, "refundable_before"))
                .one();
    }

    /** Gives a refused refund's reservation back. */
    public Mono<Void> release(UUID paymentId, long amount) {
        return db.sql("UPDATE payments SET refunded_amount = refunded_amount - :amount, updated_at = now()"
                        + " WHERE id = :id")
                .bind("id", paymentId)
                .bind("amount", amount)
                .then();
    }

    public Mono<Refund> insert(
            UUID merchantId, UUID refundId, UUID paymentId, long amount, Currency currency, String reason) {
        return db.sql("INSERT INTO refunds (id, merchant_id, payment_id, status, amount, currency, reason, created_at)"
                        + " VALUES (:id, :merchant, :payment, 'PENDING', :amount, :currency, :reason, now())"
                        + " RETURNING " + COLUMNS)
                .bind("id", refundId)
                .bind("merchant", merchantId)
                .bind("payment", paymentId)
                .bind("amount", amount)
                .bind("currency", currency.name())
                .bind("reason", reason)
                .map(RefundRepository::refund)
                .one();
    }

    /**
     * Settles a PENDING or UNKNOWN refund, with its merchant webhook; empty when it already was settled. Call inside a
     * transaction.
     */
    public Mono<Refund> settle(UUID refundId, RefundStatus status, @Nullable String failureMessage) {
        DatabaseClient.GenericExecuteSpec update = db.sql("UPDATE refunds SET status = :status,"
                        + " failure_message = :failure,"
                        + " completed_at = CASE WHEN :status IN ('SUCCEEDED', 'FAILED') THEN now() END"
                        + " WHERE id = :id AND status IN ('PENDING', 'UNKNOWN') RETURNING " + COLUMNS)
                .bind("id", refundId)
                .bind("status", status.name());
        update = failureMessage == null
                ? update.bindNull("failure", String.class)
                : update.bind("failure", failureMessage);
        return update.map(RefundRepository::refund)
                .one()
                .flatMap(refund -> webhooks.refundSettled(refund).thenReturn(refund));
    }

    public Mono<Refund> find(UUID merchantId, UUID refundId) {
        return db.sql("SELECT " + COLUMNS + " FROM refunds WHERE id = :id AND merchant_id = :merchant")
                .bind("id", refundId)
                .bind("merchant", merchantId)
                .map(RefundRepository::refund)
                .one();
    }

    public Flux<Refund> forPayment(UUID merchantId, UUID paymentId) {
        return db.sql("SELECT " + COLUMNS + " FROM refunds WHERE payment_id = :payment AND merchant_id = :merchant"
                        + " ORDER BY created_at, id")
                .bind("payment", paymentId)
                .bind("merchant", merchantId)
                .map(RefundRepository::refund)
                .all();
    }

    private static Refund refund(Readable row) {
        return new Refund(
                uuid(row, "id"),
                uuid(row, "payment_id"),
                RefundStatus.valueOf(string(row, "status")),
                number(row, "amount"),
                Currency.valueOf(string(row, "currency")),
                string(row, "reason"),
                row.get("failure_message", String.class),
                instant(row, "created_at"),
                nullableInstant(row, "completed_at"));
    }
}
