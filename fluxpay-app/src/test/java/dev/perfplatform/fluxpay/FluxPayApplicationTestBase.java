package dev.perfplatform.fluxpay;

import dev.perfplatform.testing.sql.PostgresDatabase;
import dev.perfplatform.testing.sql.PostgresTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the end-to-end tests: the whole app on a random port over a fresh PostgreSQL database of its own, with
 * the bootstrap merchant's key {@value #MERCHANT_KEY}. Each class gets its own context: a cached one would still
 * point at the previous class's (dropped) database.
 */
@PostgresTest
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a property, not a dynamic one, so a subclass can choose another mode with its own @TestPropertySource
@TestPropertySource(properties = "fluxpay.pg.mode=simulator")
public abstract class FluxPayApplicationTestBase {

    protected static final String MERCHANT_KEY = "sk_test_bootstrap_0123456789abcdef";

    private static PostgresDatabase database;

    protected final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    @Value("${local.management.port}")
    private int managementPort;

    @BeforeAll
    static void captureDatabase(PostgresDatabase postgres) {
        database = postgres;
    }

    @DynamicPropertySource
    static void databaseProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> database.r2dbcUrl());
        registry.add("spring.r2dbc.username", () -> database.username());
        registry.add("spring.r2dbc.password", () -> database.password());
        registry.add("fluxpay.bootstrap-merchant.api-key", () -> MERCHANT_KEY);
        registry.add("management.server.port", () -> "0");
    }

    protected HttpResponse<String> send(String method, String path, String apiKey, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path} on the management port (actuator, Prometheus page). */
    protected HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST} as the bootstrap merchant, with a fresh Idempotency-Key unless {@code key} is given. */
    protected HttpResponse<String> post(String path, String body, String... key)
            throws IOException, InterruptedException {
        return send(
                "POST",
                path,
                MERCHANT_KEY,
                body,
                "Idempotency-Key",
                key.length > 0 ? key[0] : UUID.randomUUID().toString());
    }

    /** A PENDING order of one line for {@code amount}; returns its id. */
    protected String createOrder(long amount, String currency) throws IOException, InterruptedException {
        return body(post(
                        "/api/v1/orders",
                        "{\"userId\":\"payer\",\"currency\":\"" + currency
                                + "\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"Plan\","
                                + "\"quantity\":1,\"unitPrice\":" + amount + "}]}"))
                .get("data")
                .get("orderId")
                .asString();
    }

    /** A READY payment for a new order of {@code amount} KRW. */
    protected JsonNode createPayment(long amount) throws IOException, InterruptedException {
        return createPayment(createOrder(amount, "KRW"), amount);
    }

    protected JsonNode createPayment(String orderId, long amount) throws IOException, InterruptedException {
        HttpResponse<String> created = post(
                "/api/v1/payments", "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount + ",\"currency\":\"KRW\"}");
        if (created.statusCode() != 201) {
            throw new AssertionError("payment not created: " + created.body());
        }
        return body(created).get("data");
    }

    /** The payer at the simulator's checkout: the paymentKey a real PG would redirect back with. */
    protected String checkout(JsonNode payment, String scenario) throws IOException, InterruptedException {
        return body(send(
                        "POST",
                        "/sim/checkout",
                        "",
                        "{\"orderId\":\"" + paymentId(payment) + "\",\"amount\":"
                                + payment.get("amount").asLong() + ",\"scenario\":\"" + scenario + "\"}"))
                .get("paymentKey")
                .asString();
    }

    protected HttpResponse<String> confirm(JsonNode payment, String paymentKey, long amount, String... key)
            throws IOException, InterruptedException {
        return post(
                "/api/v1/payments/" + paymentId(payment) + "/confirm",
                "{\"paymentKey\":\"" + paymentKey + "\",\"amount\":" + amount + "}",
                key);
    }

    /** A DONE payment of {@code amount} KRW. */
    protected JsonNode paidPayment(long amount) throws IOException, InterruptedException {
        JsonNode payment = createPayment(amount);
        HttpResponse<String> confirmed = confirm(payment, checkout(payment, "APPROVE"), amount);
        if (confirmed.statusCode() != 200) {
            throw new AssertionError("payment not confirmed: " + confirmed.body());
        }
        return body(confirmed).get("data");
    }

    /** {@code calls} confirms of one payment at once: half share one Idempotency-Key, half have their own. */
    protected List<HttpResponse<String>> confirmConcurrently(
            JsonNode payment, String paymentKey, long amount, int calls) throws Exception {
        String sharedKey = UUID.randomUUID().toString();
        List<Callable<HttpResponse<String>>> confirms = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String key = i % 2 == 0 ? sharedKey : UUID.randomUUID().toString();
            confirms.add(() -> confirm(payment, paymentKey, amount, key));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(confirms)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return responses;
    }

    /** The value of one series at {@code /actuator/prometheus}, e.g. {@code name_total{tag="v"}}; 0 when absent. */
    protected double scraped(String series) throws IOException, InterruptedException {
        String prefix = series + " ";
        return management("/actuator/prometheus")
                .body()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst()
                .orElse(0);
    }

    protected static String paymentId(JsonNode payment) {
        return payment.get("paymentId").asString();
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /**
     * Makes the database refuse every update of {@code table} whose row matches {@code condition} (SQL over
     * {@code NEW} and {@code OLD}), as it would refuse a row some bug left inconsistent; {@link #allowUpdates} undoes it.
     */
    protected static void refuseUpdates(String table, String condition) throws SQLException {
        update("""
                CREATE FUNCTION refuse_%1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF %2$s THEN
                        RAISE EXCEPTION 'refused for the test';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(table, condition));
        update("CREATE TRIGGER refuse_" + table + " BEFORE UPDATE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION refuse_" + table + "()");
    }

    /** Undoes {@link #refuseUpdates} on {@code table}. */
    protected static void allowUpdates(String table) throws SQLException {
        update("DROP TRIGGER refuse_" + table + " ON " + table);
        update("DROP FUNCTION refuse_" + table + "()");
    }

    /** A JDBC connection to this class's database. */
    protected static Connection connect() throws SQLException {
        return database.connect();
    }

    protected static void update(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    protected static String text(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    protected static long count(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
