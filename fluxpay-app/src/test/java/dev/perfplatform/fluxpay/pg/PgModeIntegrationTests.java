package dev.perfplatform.fluxpay.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.FluxPayApplication;
import dev.perfplatform.fluxpay.standin.StandIns;
import dev.perfplatform.testing.sql.PostgresDatabase;
import dev.perfplatform.testing.sql.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which PG the engine uses, chosen through the process environment exactly as an operator sets it (the variables
 * reach {@code application.yaml} as real environment variables would): no choice with a database configured stops
 * the start, {@code toss} needs its URL and key and sends that key, and only {@code simulator} serves {@code /sim}.
 */
@PostgresTest
class PgModeIntegrationTests {

    private static final String SECRET = "test_sk_from_the_environment_4242";

    private static PostgresDatabase database;

    private final MockWebServer toss = new MockWebServer();

    @BeforeAll
    static void captureDatabase(PostgresDatabase postgres) {
        database = postgres;
    }

    @BeforeEach
    void startToss() throws Exception {
        toss.start();
    }

    @AfterEach
    void stopToss() {
        toss.close();
    }

    @Test
    void aConfiguredDatabaseWithoutAPgModeStopsTheStartSayingWhatToSet() {
        assertThatThrownBy(() -> start(Map.of()).close())
                .rootCause()
                .hasMessageContaining("Set FLUXPAY_PG_MODE")
                .hasMessageContaining("toss or simulator");
    }

    @Test
    void tossWithoutItsKeyStopsTheStart() {
        assertThatThrownBy(() -> start(Map.of("FLUXPAY_PG_MODE", "toss", "FLUXPAY_TOSS_BASE_URL", baseUrl()))
                        .close())
                .rootCause()
                .hasMessageContaining("FLUXPAY_TOSS_SECRET_KEY")
                .hasMessageContaining("missing: secret key");
    }

    @Test
    void anUnknownModeListsTheAcceptedOnes() {
        assertThatThrownBy(() -> start(Map.of("FLUXPAY_PG_MODE", "paypal")).close())
                .rootCause()
                .hasMessageContaining("'paypal'")
                .hasMessageContaining("toss or simulator");
    }

    @Test
    void tossModeCallsTheConfiguredUrlWithTheConfiguredKeyAndServesNoSimulator() throws Exception {
        toss.enqueue(new MockResponse.Builder()
                .code(404)
                .addHeader("Content-Type", "application/json")
                .body("{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"no such payment\"}")
                .build());
        Map<String, String> environment = Map.of(
                "FLUXPAY_PG_MODE", "toss", "FLUXPAY_TOSS_BASE_URL", baseUrl(), "FLUXPAY_TOSS_SECRET_KEY", SECRET);
        try (ConfigurableApplicationContext app = start(environment)) {
            app.getBean(TossPaymentsGateway.class).lookup("pay_1").block();

            RecordedRequest sent = toss.takeRequest(5, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/payments/pay_1");
            assertThat(sent.getHeaders().get("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder().encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8)));
            assertThat(app.getBean(PgMode.class)).isEqualTo(PgMode.TOSS);
            assertThat(app.getBean(StandIns.class).inUse()).isEmpty();
            HttpResponse<String> checkout = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                            + app.getEnvironment().getRequiredProperty("local.server.port")
                                            + "/sim/checkout"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .header("Content-Type", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(checkout.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void simulatorModeRefusesATossUrlItWouldIgnore() {
        assertThatThrownBy(() -> start(Map.of("FLUXPAY_PG_MODE", "simulator", "FLUXPAY_TOSS_BASE_URL", baseUrl()))
                        .close())
                .rootCause()
                .hasMessageContaining("FLUXPAY_TOSS_BASE_URL is set but the PG mode is simulator");
    }

    private String baseUrl() {
        return toss.url("/v1").toString();
    }

    /** The app with {@code variables} (and the test database's) as its whole process environment. */
    private static ConfigurableApplicationContext start(Map<String, String> variables) {
        Map<String, Object> environment = new HashMap<>(variables);
        environment.put("FLUXPAY_DB_URL", database.r2dbcUrl());
        environment.put("FLUXPAY_DB_USER", database.username());
        environment.put("FLUXPAY_DB_PASSWORD", database.password());
        environment.put("FLUXPAY_API_KEY", "sk_test_pg_mode_0123456789abcdef0123");
        environment.put("FLUXPAY_PORT", "0");
        environment.put("FLUXPAY_MANAGEMENT_PORT", "0");
        StandardEnvironment processEnvironment = new StandardEnvironment();
        processEnvironment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new SpringApplicationBuilder(FluxPayApplication.class)
                .environment(processEnvironment)
                .run("--server.shutdown=immediate", "--fluxpay.reconciler.enabled=false");
    }
}
