package dev.perfplatform.fluxpay.payment;

import static dev.perfplatform.fluxpay.Rows.instant;
import static dev.perfplatform.fluxpay.Rows.nullableInstant;
import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;
import static dev.perfplatform.fluxpay.Rows.uuid;

import dev.perfplatform.fluxpay.Sha256;
import dev.perfplatform.fluxpay.order.Currency;
import dev.perfplatform.fluxpay.pg.PgOutcome;
import dev.perfplatform.fluxpay.webhook.WebhookOutbox;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionalEventPublisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments and their append-only event log. A status changes only through {@link #transition}, a conditional update
 * that bumps the version and appends the event with that version as its sequence number, in the caller's
 * transaction: a late or duplicate change finds the payment in another state and changes nothing. The change's
 * merchant webhook, if any, joins the same transaction through the {@link WebhookOutbox}, and a
 * {@link PaymentTransitioned} event is published to be heard once the transaction commits.
 */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = "p.id, p.order_id, p.status, p.currency, p.amount, p.refunded_amount,"
            + " p.payment_key, p.failure_code, p.failure_message, p.approved_at, p.created_at, p.updated_at";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final ReconcilerSettings reconciler;
    private final WebhookOutbox webhooks;
    private final ApplicationEventPublisher events;
    private final TransactionalEventPublisher eventsAfterCommit;

    public PaymentRepository(
            DatabaseClient db,
            JsonMapper json,
            ReconcilerSettings reconciler,
            WebhookOutbox webhooks,
            ApplicationEventPublisher events) {
        this.db = db;
        this.json = json;
        this.reconciler = reconciler;
        this.webhooks = webhooks;
        this.events = events;
        this.eventsAfterCommit = new TransactionalEventPublisher(events);
    }

    /** Inserts a READY payment and its first event, in one statement; call inside a transaction. */
    public Mono<Payment> insert(UUID merchantId, UUID paymentId, UUID orderId, Currency currency, long amount) {
        return db.sql("""
                        WITH p AS (
                            INSERT INTO payments (id, merchant_id, order_id, status, currency, amount, created_at,
                                                  updated_at)
                            VALUES (:id, :merchant, :order, 'READY', :currency, :amount, now(), now())
                            RETURNING *),
                        first_event AS (
                            INSERT INTO payment_events (payment_id, seq, to_status, cause)
                            SELECT id, 1, 'READY', 'created' FROM p)
                        SELECT\s""" + COLUMNS + " FROM p")
                .bind("id", paymentId)
                .bind("merchant", merchantId)
                .bind("order", orderId)
                .bind("currency", currency.name())
                .bind("amount", amount)
                .map(PaymentRepository::payment)
                .one()
                .flatMap(created ->
                        announce(created.paymentId(), PaymentStatus.READY).thenReturn(created));
    }

    public Mono<Payment> find(UUID merchantId, UUID paymentId) {
        return db.sql("SELECT " + COLUMNS + " FROM payments p WHERE p.id = :id AND p.merchant_id = :merchant")
                .bind("id", paymentId)
                .bind("merchant", merchantId)
                .map(PaymentRepository::payment)
                .one();
    }

    /** A payment by its id, whichever merchant it belongs to: for the PG's callbacks, which know no merchant. */
    public Mono<Payment> findAnyMerchant(UUID paymentId) {
        return db.sql("SELECT " + COLUMNS + " FROM payments p WHERE p.id = :id")
                .bind("id", paymentId)
                .map(PaymentRepository::payment)
                .one();
    }

    /** A payment by the PG's paymentKey, whichever merchant it belongs to. */
    public Mono<Payment> findByPaymentKey(String paymentKey) {
        return db.sql("SELECT " + COLUMNS + " FROM payments p WHERE p.payment_key = :key")
                .bind("key", paymentKey)
                .map(PaymentRepository::payment)
                .one();
    }

    /**
     * Keeps the SHA-256 of the secret the PG's answer carried for the payment (TossPayments' Payment {@code secret}),
     * unless one is kept already; nothing when the answer had none.
     */
    public Mono<Void> rememberPgSecret(UUID paymentId, PgOutcome answer) {
        String secret = answer.secret();
        if (secret == null) {
            return Mono.empty();
        }
        return db.sql("UPDATE payments SET pg_secret_hash = :hash WHERE id = :id AND pg_secret_hash IS NULL")
                .bind("id", paymentId)
                .bind("hash", Sha256.of(secret.getBytes(StandardCharsets.UTF_8)))
                .then();
    }

    /** The SHA-256 of the PG's secret for the payment; empty when the engine keeps none. */
    public Mono<byte[]> pgSecretHash(UUID paymentId) {
        return db.sql("SELECT pg_secret_hash FROM payments WHERE id = :id AND pg_secret_hash IS NOT NULL")
                .bind("id", paymentId)
                .map(row -> Objects.requireNonNull(row.get("pg_secret_hash", byte[].class)))
                .one();
    }

    /** Up to {@code limit} payments of an order, newest first, after {@code startingAfter}. */
    public Flux<Payment> list(UUID merchantId, UUID orderId, int limit, @Nullable UUID startingAfter) {
        String after = startingAfter == null
                ? ""
                : " AND (p.created_at, p.id) < (SELECT created_at, id FROM payments"
                        + " WHERE id = :after AND merchant_id = :merchant)";
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM payments p"
                        + " WHERE p.merchant_id = :merchant AND p.order_id = :order" + after
                        + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit")
                .bind("merchant", merchantId)
                .bind("order", orderId)
                .bind("limit", limit);
        if (startingAfter != null) {
            query = query.bind("after", startingAfter);
        }
        return query.map(PaymentRepository::payment).all();
    }

    /** The order's READY payments (at most one, by the live-payment index). */
    public Flux<UUID> readyOf(UUID orderId) {
        return db.sql("SELECT id FROM payments WHERE order_id = :order AND status = 'READY'")
                .bind("order", orderId)
                .map(row -> uuid(row, "id"))
                .all();
    }

    /**
     * Moves the payment from one of {@code from} to {@code to} with the given changes, appending the event and its
     * merchant webhook; empty when the payment is in none of {@code from}. Call inside a transaction.
     */
    public Mono<Payment> transition(
            UUID paymentId, Collection<PaymentStatus> from, PaymentStatus to, String cause, Changes changes) {
        String[] fromNames = from.stream().map(Enum::name).toArray(String[]::new);
        DatabaseClient.GenericExecuteSpec update = db.sql(
                        """
                        WITH current AS (SELECT id, status, version FROM payments WHERE id = :id FOR UPDATE)
                        UPDATE payments p
                        SET status = :to, version = current.version + 1, updated_at = now(),
                            payment_key = COALESCE(:paymentKey, p.payment_key),
                            approved_at = COALESCE(:approvedAt, p.approved_at),
                            failure_code = COALESCE(:failureCode, p.failure_code),
                            failure_message = COALESCE(:failureMessage, p.failure_message),
                            next_check_at = CASE :to WHEN 'UNKNOWN' THEN now() + make_interval(secs => :firstCheck)
                                                     WHEN 'IN_PROGRESS' THEN now() + make_interval(secs => :grace)
                                            END,
                            check_attempts = CASE WHEN :to IN ('UNKNOWN', 'IN_PROGRESS') THEN p.check_attempts ELSE 0 END
                        FROM current
                        WHERE p.id = current.id AND current.status = ANY(:from)
                        RETURNING\s""" + COLUMNS + ", current.status AS from_status, current.version + 1 AS seq")
                .bind("id", paymentId)
                .bind("to", to.name())
                .bind("from", fromNames)
                .bind("firstCheck", reconciler.backoff(0).toMillis() / 1000.0)
                .bind("grace", reconciler.inProgressGrace().toMillis() / 1000.0);
        update = bindNullable(update, "paymentKey", changes.paymentKey(), String.class);
        update = bindNullable(
                update,
                "approvedAt",
                changes.approvedAt() == null ? null : changes.approvedAt().atOffset(ZoneOffset.UTC),
                java.time.OffsetDateTime.class);
        update = bindNullable(update, "failureCode", changes.failureCode(), String.class);
        update = bindNullable(update, "failureMessage", changes.failureMessage(), String.class);
        return update.map(row -> new Transitioned(
                        payment(row), PaymentStatus.valueOf(string(row, "from_status")), (int) number(row, "seq")))
                .one()
                .flatMap(done -> appendEvent(paymentId, done.seq(), done.from(), to, cause, changes.eventData())
                        .then(PaymentWebhookEvents.of(done.payment(), done.seq())
                                .map(webhooks::enqueue)
                                .orElse(Mono.empty()))
                        .then(announce(paymentId, to))
                        .thenReturn(done.payment()));
    }

    /**
     * Claims up to {@code limit} unresolved payments due for a PG look-up, pushing their next check {@code lease} ahead
     * so no other instance takes them meanwhile.
     */
    public Flux<DueCheck> claimDue(int limit, java.time.Duration lease, java.time.Duration giveUpAfter) {
        return db.sql("""
                        UPDATE payments p SET next_check_at = now() + make_interval(secs => :lease)
                        WHERE p.id IN (SELECT id FROM payments
                                       WHERE next_check_at <= now()
                                         AND (status IN ('UNKNOWN', 'IN_PROGRESS')
                                              OR status = 'DONE' AND compensation IS NOT NULL)
                                       ORDER BY next_check_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING p.id, p.merchant_id, p.payment_key, p.check_attempts,
                                  p.status = 'DONE' AS compensating,
                                  p.created_at < now() - make_interval(secs => :giveUp) AS give_up""")
                .bind("lease", lease.toMillis() / 1000.0)
                .bind("limit", limit)
                .bind("giveUp", giveUpAfter.toMillis() / 1000.0)
                .map(row -> new DueCheck(
                        uuid(row, "id"),
                        uuid(row, "merchant_id"),
                        row.get("payment_key", String.class),
                        (int) number(row, "check_attempts"),
                        Boolean.TRUE.equals(row.get("compensating", Boolean.class)),
                        Boolean.TRUE.equals(row.get("give_up", Boolean.class))))
                .all();
    }

    /** Schedules the next look-up of a still unresolved payment. */
    public Mono<Void> scheduleCheck(UUID paymentId, int attempts, java.time.Duration after) {
        return db.sql("UPDATE payments SET check_attempts = :attempts,"
                        + " next_check_at = now() + make_interval(secs => :after) WHERE id = :id")
                .bind("id", paymentId)
                .bind("attempts", attempts)
                .bind("after", after.toMillis() / 1000.0)
                .then();
    }

    /**
     * Marks a DONE payment for compensation of {@code pgAmount}, with the reason as its failure, reserves its whole
     * amount as refunded (as a refund reserves before its PG call, so a PG look-up meanwhile sees no cancel made
     * outside the engine), and schedules the reconciler's first retry {@code after} from now (the caller tries first).
     */
    public Mono<Payment> markForCompensation(
            UUID paymentId, Compensation reason, long pgAmount, String message, java.time.Duration after) {
        return db.sql("""
                        UPDATE payments p SET compensation = :reason, compensation_amount = :amount,
                            refunded_amount = p.amount,
                            failure_code = :reason, failure_message = :message, updated_at = now(),
                            next_check_at = now() + make_interval(secs => :after)
                        WHERE p.id = :id AND p.status = 'DONE'
                        RETURNING\s""" + COLUMNS)
                .bind("id", paymentId)
                .bind("reason", reason.name())
                .bind("amount", pgAmount)
                .bind("message", message)
                .bind("after", after.toMillis() / 1000.0)
                .map(PaymentRepository::payment)
                .one();
    }

    /** The payment's compensation, while it is marked and still DONE. */
    public Mono<PendingCompensation> pendingCompensation(UUID paymentId) {
        return db.sql("SELECT id, payment_key, compensation, compensation_amount, check_attempts FROM payments"
                        + " WHERE id = :id AND status = 'DONE' AND compensation IS NOT NULL")
                .bind("id", paymentId)
                .map(row -> new PendingCompensation(
                        uuid(row, "id"),
                        string(row, "payment_key"),
                        Compensation.valueOf(string(row, "compensation")),
                        number(row, "compensation_amount"),
                        (int) number(row, "check_attempts")))
                .one();
    }

    /** Gives back the reservation of a compensation the PG refused: nothing was refunded. */
    public Mono<Void> releaseCompensation(UUID paymentId) {
        return db.sql("UPDATE payments SET refunded_amount = 0 WHERE id = :id AND compensation IS NOT NULL")
                .bind("id", paymentId)
                .then();
    }

    /** The payment's events in order: (from, to, cause). */
    public Flux<PaymentEvent> events(UUID paymentId) {
        return db.sql("SELECT seq, from_status, to_status, cause FROM payment_events WHERE payment_id = :id"
                        + " ORDER BY seq")
                .bind("id", paymentId)
                .map(row -> {
                    String from = row.get("from_status", String.class);
                    return new PaymentEvent(
                            (int) number(row, "seq"),
                            from == null ? null : PaymentStatus.valueOf(from),
                            PaymentStatus.valueOf(string(row, "to_status")),
                            string(row, "cause"));
                })
                .all();
    }

    private Mono<Void> appendEvent(
            UUID paymentId,
            int seq,
            @Nullable PaymentStatus from,
            PaymentStatus to,
            String cause,
            Map<String, Object> data) {
        DatabaseClient.GenericExecuteSpec insert = db.sql(
                        "INSERT INTO payment_events (payment_id, seq, from_status, to_status, cause, data)"
                                + " VALUES (:id, :seq, :from, :to, :cause, :data)")
                .bind("id", paymentId)
                .bind("seq", seq)
                .bind("to", to.name())
                .bind("cause", cause)
                .bind("data", Json.of(json.writeValueAsString(data)));
        return bindNullable(insert, "from", from == null ? null : from.name(), String.class)
                .then();
    }

    /**
     * Publishes the transition to be heard after the caller's transaction commits; outside a transaction (each
     * statement committed as it ran), at once.
     */
    private Mono<Void> announce(UUID paymentId, PaymentStatus to) {
        PaymentTransitioned transition = new PaymentTransitioned(paymentId, to);
        return eventsAfterCommit
                .publishEvent(transition)
                .onErrorResume(
                        NoTransactionException.class,
                        outside -> Mono.fromRunnable(() -> events.publishEvent(transition)));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Payment payment(Readable row) {
        String failureCode = row.get("failure_code", String.class);
        String failureMessage = row.get("failure_message", String.class);
        return new Payment(
                uuid(row, "id"),
                uuid(row, "order_id"),
                PaymentStatus.valueOf(string(row, "status")),
                number(row, "amount"),
                Currency.valueOf(string(row, "currency")),
                number(row, "refunded_amount"),
                row.get("payment_key", String.class),
                null,
                failureCode == null ? null : new Payment.Failure(failureCode, String.valueOf(failureMessage)),
                nullableInstant(row, "approved_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    /** What a transition sets besides the status (null: unchanged), and what its event records. */
    public record Changes(
            @Nullable String paymentKey,
            @Nullable Instant approvedAt,
            @Nullable String failureCode,
            @Nullable String failureMessage,
            Map<String, Object> eventData) {

        public static Changes none() {
            return new Changes(null, null, null, null, Map.of());
        }
    }

    /** One entry of a payment's event log. */
    public record PaymentEvent(int seq, @Nullable PaymentStatus from, PaymentStatus to, String cause) {}

    private record Transitioned(Payment payment, PaymentStatus from, int seq) {}

    /** A payment due for a PG look-up, or for its compensation when {@code compensating}. */
    public record DueCheck(
            UUID paymentId,
            UUID merchantId,
            @Nullable String paymentKey,
            int attempts,
            boolean compensating,
            boolean giveUp) {}

    /** A DONE payment whose charge the engine must give back: {@code amount} is what the PG holds. */
    public record PendingCompensation(
            UUID paymentId, String paymentKey, Compensation reason, long amount, int attempts) {}
}
