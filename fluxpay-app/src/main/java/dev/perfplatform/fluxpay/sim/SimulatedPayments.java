package dev.perfplatform.fluxpay.sim;

import dev.perfplatform.fluxpay.pg.TossPaymentStatus;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The simulator's books: its payments and its Idempotency-Key records. */
@Repository
class SimulatedPayments {

    private static final String COLUMNS =
            "payment_key, order_id, amount, balance_amount, status, scenario, approved_at, confirm_count, secret";

    private final DatabaseClient db;

    SimulatedPayments(DatabaseClient db) {
        this.db = db;
    }

    /** A new payment with its {@code secret}; empty when {@code orderId} already has one. */
    Mono<SimPayment> create(String paymentKey, String orderId, long amount, Scenario scenario, String secret) {
        return db.sql("INSERT INTO sim_payments (payment_key, order_id, amount, balance_amount, status, scenario,"
                        + " secret) VALUES (:key, :order, :amount, :amount, 'IN_PROGRESS', :scenario, :secret)"
                        + " ON CONFLICT (order_id) DO NOTHING RETURNING " + COLUMNS)
                .bind("key", paymentKey)
                .bind("secret", secret)
                .bind("order", orderId)
                .bind("amount", amount)
                .bind("scenario", scenario.name())
                .map(SimulatedPayments::payment)
                .one();
    }

    Mono<SimPayment> find(String paymentKey) {
        return db.sql("SELECT " + COLUMNS + " FROM sim_payments WHERE payment_key = :key")
                .bind("key", paymentKey)
                .map(SimulatedPayments::payment)
                .one();
    }

    Mono<SimPayment> findByOrder(String orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM sim_payments WHERE order_id = :order")
                .bind("order", orderId)
                .map(SimulatedPayments::payment)
                .one();
    }

    /** Moves an IN_PROGRESS payment to {@code status}; empty when it was not IN_PROGRESS. */
    Mono<SimPayment> settle(String paymentKey, TossPaymentStatus status) {
        return db.sql("UPDATE sim_payments SET status = :status, confirm_count = confirm_count + 1,"
                        + " approved_at = CASE WHEN :status = 'DONE' THEN now() ELSE approved_at END"
                        + " WHERE payment_key = :key AND status = 'IN_PROGRESS' RETURNING " + COLUMNS)
                .bind("key", paymentKey)
                .bind("status", status.name())
                .map(SimulatedPayments::payment)
                .one();
    }

    /** Takes {@code amount} off a done payment's balance; empty when it is not cancelable or the balance is short. */
    Mono<SimPayment> cancel(String paymentKey, long amount) {
        return db.sql("UPDATE sim_payments SET balance_amount = balance_amount - :amount,"
                        + " status = CASE WHEN balance_amount = :amount THEN 'CANCELED' ELSE 'PARTIAL_CANCELED' END"
                        + " WHERE payment_key = :key AND status IN ('DONE', 'PARTIAL_CANCELED')"
                        + " AND :amount > 0 AND balance_amount >= :amount RETURNING " + COLUMNS)
                .bind("key", paymentKey)
                .bind("amount", amount)
                .map(SimulatedPayments::payment)
                .one();
    }

    /** Claims an Idempotency-Key scope; false when it already exists. */
    Mono<Boolean> claimKey(String scope) {
        return db.sql("INSERT INTO sim_idempotency (scope) VALUES (:scope) ON CONFLICT (scope) DO NOTHING")
                .bind("scope", scope)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** The stored answer of a scope; a status of 0 means the first request is still running. */
    Mono<SimAnswer> storedAnswer(String scope) {
        return db.sql("SELECT status_code, body FROM sim_idempotency WHERE scope = :scope")
                .bind("scope", scope)
                .map(row -> {
                    Integer status = row.get("status_code", Integer.class);
                    String body = row.get("body", String.class);
                    return new SimAnswer(status == null ? 0 : status, body == null ? "" : body);
                })
                .one();
    }

    Mono<Void> storeAnswer(String scope, SimAnswer answer) {
        return db.sql("UPDATE sim_idempotency SET status_code = :status, body = :body WHERE scope = :scope")
                .bind("scope", scope)
                .bind("status", answer.status())
                .bind("body", answer.body())
                .then();
    }

    Mono<Void> forgetKey(String scope) {
        return db.sql("DELETE FROM sim_idempotency WHERE scope = :scope")
                .bind("scope", scope)
                .then();
    }

    private static SimPayment payment(Readable row) {
        OffsetDateTime approved = row.get("approved_at", OffsetDateTime.class);
        return new SimPayment(
                String.valueOf(row.get("payment_key", String.class)),
                String.valueOf(row.get("order_id", String.class)),
                number(row, "amount"),
                number(row, "balance_amount"),
                TossPaymentStatus.valueOf(String.valueOf(row.get("status", String.class))),
                Scenario.valueOf(String.valueOf(row.get("scenario", String.class))),
                approved,
                (int) number(row, "confirm_count"),
                row.get("secret", String.class));
    }

    private static long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    /** A simulated payment; its secret is null only for payments made before simulators had secrets. */
    record SimPayment(
            String paymentKey,
            String orderId,
            long amount,
            long balanceAmount,
            TossPaymentStatus status,
            Scenario scenario,
            @Nullable OffsetDateTime approvedAt,
            int confirmCount,
            @Nullable String secret) {}

    /** A simulated HTTP answer. */
    record SimAnswer(int status, String body) {}
}
