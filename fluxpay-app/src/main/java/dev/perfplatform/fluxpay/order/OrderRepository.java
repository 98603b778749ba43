package dev.perfplatform.fluxpay.order;

import static dev.perfplatform.fluxpay.Rows.instant;
import static dev.perfplatform.fluxpay.Rows.number;
import static dev.perfplatform.fluxpay.Rows.string;
import static dev.perfplatform.fluxpay.Rows.uuid;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Orders and their lines in PostgreSQL; every query is scoped to the merchant. */
@Repository
public class OrderRepository {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, user_id, status, currency, total_amount, metadata, created_at, updated_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    public OrderRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts the order and its lines; call inside a transaction. */
    public Mono<Order> insert(UUID merchantId, UUID orderId, CreateOrderRequest request, long totalAmount) {
        Map<String, String> metadata = request.metadata() == null ? Map.of() : request.metadata();
        Mono<Header> header = db.sql("""
                        INSERT INTO orders (id, merchant_id, user_id, status, currency, total_amount, metadata,
                                            created_at, updated_at)
                        VALUES (:id, :merchant, :user, 'PENDING', :currency, :total, :metadata, now(), now())
                        RETURNING\s""" + COLUMNS)
                .bind("id", orderId)
                .bind("merchant", merchantId)
                .bind("user", request.userId())
                .bind("currency", request.currency().name())
                .bind("total", totalAmount)
                .bind("metadata", Json.of(json.writeValueAsString(metadata)))
                .map(this::header)
                .one();
        List<CreateOrderRequest.LineItem> lines = request.lineItems();
        Flux<Void> inserts = Flux.range(0, lines.size()).concatMap(position -> {
            CreateOrderRequest.LineItem line = lines.get(position);
            return db.sql("""
                            INSERT INTO order_line_items
                                (order_id, position, product_id, product_name, quantity, unit_price, total_price)
                            VALUES (:order, :position, :product, :name, :quantity, :unitPrice, :totalPrice)""")
                    .bind("order", orderId)
                    .bind("position", position)
                    .bind("product", line.productId())
                    .bind("name", line.productName())
                    .bind("quantity", line.quantity())
                    .bind("unitPrice", line.unitPrice())
                    .bind("totalPrice", Math.multiplyExact(line.unitPrice(), (long) line.quantity()))
                    .then();
        });
        return header.flatMap(inserted -> inserts.then(withLines(inserted)));
    }

    public Mono<Order> find(UUID merchantId, UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id AND merchant_id = :merchant")
                .bind("id", orderId)
                .bind("merchant", merchantId)
                .map(this::header)
                .one()
                .flatMap(this::withLines);
    }

    /** The order without its line items (empty): what paying it needs, in one query. */
    public Mono<Order> findHeader(UUID merchantId, UUID orderId) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id AND merchant_id = :merchant")
                .bind("id", orderId)
                .bind("merchant", merchantId)
                .map(row -> header(row).toOrder(List.of()))
                .one();
    }

    /**
     * Up to {@code limit} orders, newest first, optionally of one user, after the order {@code startingAfter} (which
     * must be the merchant's; an unknown cursor gives an empty page).
     */
    public Flux<Order> list(UUID merchantId, @Nullable String userId, int limit, @Nullable UUID startingAfter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM orders o WHERE merchant_id = :merchant");
        if (userId != null) {
            sql.append(" AND user_id = :user");
        }
        if (startingAfter != null) {
            sql.append(" AND (created_at, id) < (SELECT created_at, id FROM orders"
                    + " WHERE id = :after AND merchant_id = :merchant)");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec query =
                db.sql(sql.toString()).bind("merchant", merchantId).bind("limit", limit);
        if (userId != null) {
            query = query.bind("user", userId);
        }
        if (startingAfter != null) {
            query = query.bind("after", startingAfter);
        }
        return query.map(this::header).all().concatMap(this::withLines);
    }

    /** Moves a PENDING order to CANCELED; empty when the order is not PENDING (or not the merchant's). */
    public Mono<Order> cancelPending(UUID merchantId, UUID orderId) {
        return db.sql("""
                        UPDATE orders SET status = 'CANCELED', updated_at = now()
                        WHERE id = :id AND merchant_id = :merchant AND status = 'PENDING'
                        RETURNING\s""" + COLUMNS)
                .bind("id", orderId)
                .bind("merchant", merchantId)
                .map(this::header)
                .one()
                .flatMap(this::withLines);
    }

    /** Up to {@code limit} orders PENDING for longer than {@code ttl}, oldest first, that no one else is expiring. */
    public Flux<UUID> overdue(Duration ttl, int limit) {
        return db.sql("""
                        SELECT id FROM orders
                        WHERE status = 'PENDING' AND created_at < now() - make_interval(secs => :ttl)
                        ORDER BY created_at LIMIT :limit""")
                .bind("ttl", ttl.toMillis() / 1000.0)
                .bind("limit", limit)
                .map(row -> uuid(row, "id"))
                .all();
    }

    /**
     * Expires the order if it is still PENDING past {@code ttl} and not being changed by another transaction (skipped,
     * not waited for); emits its id when it expired.
     */
    public Mono<UUID> expireIfOverdue(UUID orderId, Duration ttl) {
        return db.sql("""
                        UPDATE orders SET status = 'EXPIRED', updated_at = now()
                        WHERE id = (SELECT id FROM orders
                                    WHERE id = :id AND status = 'PENDING'
                                      AND created_at < now() - make_interval(secs => :ttl)
                                    FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .bind("id", orderId)
                .bind("ttl", ttl.toMillis() / 1000.0)
                .map(row -> uuid(row, "id"))
                .one();
    }

    /** Marks a PENDING order PAID; false when it is no longer PENDING (canceled or expired meanwhile). */
    public Mono<Boolean> markPaid(UUID orderId) {
        return db.sql("UPDATE orders SET status = 'PAID', updated_at = now() WHERE id = :id AND status = 'PENDING'")
                .bind("id", orderId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private Mono<Order> withLines(Header header) {
        return db.sql("""
                        SELECT product_id, product_name, quantity, unit_price, total_price
                        FROM order_line_items WHERE order_id = :order ORDER BY position""")
                .bind("order", header.id())
                .map(row -> new Order.LineItem(
                        string(row, "product_id"),
                        string(row, "product_name"),
                        (int) number(row, "quantity"),
                        number(row, "unit_price"),
                        number(row, "total_price")))
                .all()
                .collectList()
                .map(header::toOrder);
    }

    private Header header(Readable row) {
        Json stored = row.get("metadata", Json.class);
        return new Header(
                uuid(row, "id"),
                string(row, "user_id"),
                OrderStatus.valueOf(string(row, "status")),
                Currency.valueOf(string(row, "currency")),
                number(row, "total_amount"),
                stored == null ? Map.of() : json.readValue(stored.asString(), METADATA),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    /** An order row without its lines. */
    private record Header(
            UUID id,
            String userId,
            OrderStatus status,
            Currency currency,
            long totalAmount,
            Map<String, String> metadata,
            Instant createdAt,
            Instant updatedAt) {
        Order toOrder(List<Order.LineItem> lines) {
            return new Order(id, userId, status, currency, totalAmount, lines, metadata, createdAt, updatedAt);
        }
    }
}
