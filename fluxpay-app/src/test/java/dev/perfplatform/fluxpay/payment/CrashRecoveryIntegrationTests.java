package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplication;
import dev.perfplatform.testing.sql.PostgresDatabase;
import dev.perfplatform.testing.sql.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A confirm halted at each named saga boundary, the app killed there, and a new app started on the same database:
 * the retry with the same Idempotency-Key must finish the payment with exactly one confirm at the PG.
 */
@PostgresTest
class CrashRecoveryIntegrationTests {

    private static final String API_KEY = "sk_test_crash_recovery_0123456789";
    private static PostgresDatabase database;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void captureDatabase(PostgresDatabase postgres) {
        database = postgres;
    }

    @ParameterizedTest
    @EnumSource(names = {"BEFORE_CHECKPOINT", "BEFORE_PG_CALL", "AFTER_PG_CALL"})
    void aCrashAtEachBoundaryIsRecoveredByTheRetry(SagaBoundary boundary) throws Exception {
        CountDownLatch halted = new CountDownLatch(1);
        SagaBoundaries haltHere = reached -> {
            if (reached != boundary) {
                return Mono.empty();
            }
            halted.countDown();
            return Mono.never();
        };
        String key = "confirm-" + UUID.randomUUID();
        JsonNode payment;
        try (ConfigurableApplicationContext first = start(haltHere)) {
            int port = port(first);
            payment = createPayment(port);
            String paymentKey = checkout(port, payment);
            CompletableFuture<HttpResponse<String>> inFlight =
                    http.sendAsync(confirm(port, payment, paymentKey, key), HttpResponse.BodyHandlers.ofString());
            assertThat(halted.await(20, TimeUnit.SECONDS)).isTrue();
            inFlight.cancel(true);
        }
        String paymentId = payment.get("paymentId").asString();
        String paymentKey = text("SELECT payment_key FROM sim_payments WHERE order_id = '" + paymentId + "'");

        try (ConfigurableApplicationContext second = start(null)) {
            // the crashed attempt's lease (5 s) runs out, by the database's clock
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> text("SELECT bool_and(locked_until <= now()) FROM idempotency_keys"
                                    + " WHERE idempotency_key = '" + key + "'")
                            .equals("t"));
            HttpResponse<String> retried =
                    http.send(confirm(port(second), payment, paymentKey, key), HttpResponse.BodyHandlers.ofString());

            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            assertThat(json.readTree(retried.body()).get("data").get("status").asString())
                    .isEqualTo("DONE");
        }
        assertThat(text("SELECT confirm_count FROM sim_payments WHERE order_id = '" + paymentId + "'"))
                .isEqualTo("1");
        assertThat(text("SELECT o.status FROM orders o JOIN payments p ON p.order_id = o.id WHERE p.id = '" + paymentId
                        + "'"))
                .isEqualTo("PAID");
        assertThat(text("SELECT p.version = max(e.seq) AND p.status = (SELECT to_status FROM payment_events"
                        + " WHERE payment_id = p.id ORDER BY seq DESC LIMIT 1) FROM payments p JOIN payment_events e"
                        + " ON e.payment_id = p.id WHERE p.id = '" + paymentId + "' GROUP BY p.id"))
                .isEqualTo("t");
    }

    private static ConfigurableApplicationContext start(@Nullable SagaBoundaries boundaries) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(FluxPayApplication.class);
        if (boundaries != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("sagaBoundaries", boundaries));
        }
        // command-line arguments: they outrank application.yaml
        return app.run(
                "--server.port=0",
                "--management.server.port=0",
                "--fluxpay.pg.mode=simulator",
                "--server.shutdown=immediate",
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--fluxpay.bootstrap-merchant.api-key=" + API_KEY,
                // a short lease, so the retry need not wait long, still longer than a PG call (start-up checks)
                "--fluxpay.idempotency.lease=5s",
                "--fluxpay.pg.toss.connect-timeout=1s",
                "--fluxpay.pg.toss.read-timeout=3s",
                "--fluxpay.reconciler.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private JsonNode createPayment(int port) throws Exception {
        String order = post(
                        port,
                        "/api/v1/orders",
                        "{\"userId\":\"u\",\"currency\":\"KRW\",\"lineItems\":[{\"productId\":\"p\","
                                + "\"productName\":\"P\",\"quantity\":1,\"unitPrice\":7700}]}")
                .get("orderId")
                .asString();
        return post(port, "/api/v1/payments", "{\"orderId\":\"" + order + "\",\"amount\":7700,\"currency\":\"KRW\"}");
    }

    private String checkout(int port, JsonNode payment) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sim/checkout"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"orderId\":\"" + payment.get("paymentId").asString() + "\",\"amount\":7700}"))
                .build();
        return json.readTree(
                        http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .get("paymentKey")
                .asString();
    }

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return json.readTree(
                        http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .get("data");
    }

    private static HttpRequest confirm(int port, JsonNode payment, String paymentKey, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/payments/"
                        + payment.get("paymentId").asString() + "/confirm"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"paymentKey\":\"" + paymentKey + "\",\"amount\":7700}"))
                .build();
    }

    private static String text(String sql) throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
