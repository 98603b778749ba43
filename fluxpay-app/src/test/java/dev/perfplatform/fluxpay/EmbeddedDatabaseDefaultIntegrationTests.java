package dev.perfplatform.fluxpay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.pg.PgMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newcomer's run: no database configured, so the app starts on an embedded PostgreSQL in its data directory,
 * answers, and finds its data again after a restart on the same directory.
 */
class EmbeddedDatabaseDefaultIntegrationTests {

    private static final String API_KEY = "sk_test_embedded_0123456789abcdef";

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void runsOnAnEmbeddedDatabaseWhoseDataSurvivesARestart() throws Exception {
        String orderId;
        try (ConfigurableApplicationContext first = start()) {
            // the module's bean, looked up by name: this test compiles in a -Dfluxpay.embedded=false build too
            assertThat(first.containsBean("fluxpayEmbeddedPostgres")).isTrue();
            assertThat(first.getEnvironment().getProperty("spring.r2dbc.url"))
                    .startsWith("r2dbc:postgresql://127.0.0.1:")
                    .endsWith("/fluxpay");
            assertThat(get(first, "/actuator/health").body()).contains("\"UP\"");
            // the development mode's stand-ins: on without being chosen, and listed for the operator
            JsonNode standIns =
                    json.readTree(managementGet(first, "/actuator/info").body()).get("standIns");
            assertThat(standIns.findValuesAsString("name")).containsExactly("embedded PostgreSQL", "PG simulator");
            assertThat(first.getBean(PgMode.class)).isEqualTo(PgMode.SIMULATOR);

            HttpResponse<String> created = post(
                    first,
                    "/api/v1/orders",
                    "{\"userId\":\"newcomer\",\"currency\":\"KRW\",\"lineItems\":[{\"productId\":\"p\","
                            + "\"productName\":\"Plan\",\"quantity\":1,\"unitPrice\":9900}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            orderId = json.readTree(created.body()).get("data").get("orderId").asString();
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> found = get(second, "/api/v1/orders/" + orderId);

            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode order = json.readTree(found.body()).get("data");
            assertThat(order.get("status").asString()).isEqualTo("PENDING");
            assertThat(order.get("totalAmount").asLong()).isEqualTo(9900);
        }
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments outrank the environment: no database is configured even where FLUXPAY_DB_URL is set
        return new SpringApplicationBuilder(FluxPayApplication.class)
                .run(
                        "--spring.r2dbc.url=",
                        "--fluxpay.embedded-postgres.data-dir=" + dir.resolve("data"),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--server.shutdown=immediate",
                        "--fluxpay.bootstrap-merchant.api-key=" + API_KEY);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        return http.send(request(app, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> managementGet(ConfigurableApplicationContext app, String path) throws Exception {
        URI uri = URI.create(
                "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.management.port") + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext app, String path, String body) throws Exception {
        return http.send(
                request(app, path)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext app, String path) {
        return HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + API_KEY);
    }
}
