package dev.perfplatform.fluxpay.refund;

import static dev.perfplatform.fluxpay.Rows.instant;
import static dev.perfplatform.fluxpay.Rows.nullableInstant;
import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;
import static dev.perfplatform.fluxpay.Rows.uuid;

import dev.perfplatform.fluxpay.order.Currency;
import dev.perfplatform.fluxpay.payment.OutsideRefunds;
import dev.perfplatform.fluxpay.webhook.WebhookOutbox;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refunds, and the reservations they hold on their payment's refundable amount; also the refunds that stand for cancels
 * the PG made outside the engine.
 */
@Repository
public class RefundRepository implements OutsideRefunds {

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
                        + " WHERE id = :id AND status IN ('DONE', 'PARTIAL_CANCELED') AND compensation IS NULL"
                        + " AND refunded_amount + :amount <= amount"
                        + " RETURNING amount - refunded_amount + :amount AS refundable_before")
                .bind("id", paymentId)
                .bind("amount", amount)
                .map(row -> number(row, "refundable_before"))
                .one();
    }

    @Override
    public Mono<UUID> recordCanceledOutside(UUID paymentId, long refundedBefore, long amount, String reason) {
        return db.sql("""
                        WITH paid AS (
                            UPDATE payments SET refunded_amount = refunded_amount + :amount, updated_at = now()
                            WHERE id = :payment AND status IN ('DONE', 'PARTIAL_CANCELED') AND compensation IS NULL
                              AND refunded_amount = :before AND refunded_amount + :amount <= amount
                            RETURNING id, merchant_id, currency)
                        INSERT INTO refunds (id, merchant_id, payment_id, status, amount, currency, reason, created_at,
                                             completed_at)
                        SELECT :id, merchant_id, id, 'SUCCEEDED', :amount, currency, :reason, now(), now() FROM paid
                        RETURNING\s""" + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("payment", paymentId)
                .bind("before", refundedBefore)
                .bind("amount", amount)
                .bind("reason", reason)
                .map(RefundRepository::refund)
                .one()
                .flatMap(refund -> webhookOf(refund).thenReturn(refund.refundId()));
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
                .flatMap(refund -> webhookOf(refund).thenReturn(refund));
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

    /** Schedules the next re-send of an UNKNOWN refund. */
    public Mono<Void> scheduleCheck(UUID refundId, int attempts, Duration after) {
        return db.sql("UPDATE refunds SET check_attempts = :attempts,"
                        + " next_check_at = now() + make_interval(secs => :after) WHERE id = :id")
                .bind("id", refundId)
                .bind("attempts", attempts)
                .bind("after", after.toMillis() / 1000.0)
                .then();
    }

    /**
     * Claims up to {@code limit} UNKNOWN refunds due for a re-send, pushing their next check {@code lease} ahead so no
     * other instance takes them meanwhile.
     */
    public Flux<DueRefund> claimDue(int limit, Duration lease, Duration giveUpAfter) {
        return db.sql("""
                        UPDATE refunds r SET next_check_at = now() + make_interval(secs => :lease)
                        WHERE r.id IN (SELECT id FROM refunds WHERE status = 'UNKNOWN' AND next_check_at <= now()
                                       ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING r.id, r.merchant_id, r.check_attempts,
                                  r.created_at < now() - make_interval(secs => :giveUp) AS give_up""")
                .bind("lease", lease.toMillis() / 1000.0)
                .bind("limit", limit)
                .bind("giveUp", giveUpAfter.toMillis() / 1000.0)
                .map(row -> new DueRefund(
                        uuid(row, "id"),
                        uuid(row, "merchant_id"),
                        (int) number(row, "check_attempts"),
                        Boolean.TRUE.equals(row.get("give_up", Boolean.class))))
                .all();
    }

    /** The payment's UNKNOWN refunds, to resolve before anything else is done to it. */
    public Flux<DueRefund> unknownFor(UUID merchantId, UUID paymentId) {
        return db.sql("SELECT id, merchant_id, check_attempts FROM refunds"
                        + " WHERE payment_id = :payment AND merchant_id = :merchant AND status = 'UNKNOWN'")
                .bind("payment", paymentId)
                .bind("merchant", merchantId)
                .map(row -> new DueRefund(
                        uuid(row, "id"), uuid(row, "merchant_id"), (int) number(row, "check_attempts"), false))
                .all();
    }

    /** UNKNOWN → NEEDS_ATTENTION: the amount stays reserved, and the payment takes no other refund. */
    public Mono<Refund> needsAttention(UUID refundId) {
        return db.sql("UPDATE refunds SET status = 'NEEDS_ATTENTION', next_check_at = NULL"
                        + " WHERE id = :id AND status = 'UNKNOWN' RETURNING " + COLUMNS)
                .bind("id", refundId)
                .map(RefundRepository::refund)
                .one();
    }

    /** The settled refund's merchant webhook, if merchants hear of its outcome, in the caller's transaction. */
    private Mono<Void> webhookOf(Refund refund) {
        return RefundWebhookEvents.of(refund).map(webhooks::enqueue).orElse(Mono.empty());
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

    /** An UNKNOWN refund due for a re-send of its PG cancel. */
    public record DueRefund(UUID refundId, UUID merchantId, int attempts, boolean giveUp) {}
}
