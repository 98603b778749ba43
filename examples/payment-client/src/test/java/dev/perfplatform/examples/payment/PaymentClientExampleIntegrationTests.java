package dev.perfplatform.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplication;
import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.model.PaymentStatus;
import dev.perfplatform.payment.client.model.WebhookDelivery;
import dev.perfplatform.payment.client.model.WebhookDeliveryListParams;
import dev.perfplatform.payment.client.model.WebhookDeliveryStatus;
import dev.perfplatform.payment.client.webhook.WebhookEventTypes;
import dev.perfplatform.testing.sql.PostgresDatabase;
import dev.perfplatform.testing.sql.PostgresTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example against a real FluxPay engine, started in-process on a database of its own: the checkout demo pays an
 * order, and FluxPay's signed {@code payment.confirmed}, then {@code refund.succeeded}, reach the example's endpoint,
 * are verified and handled once each.
 */
@PostgresTest
class PaymentClientExampleIntegrationTests {

    private static final String API_KEY = "sk_test_example_0123456789abcdef0123";
    private static final String WEBHOOK_SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("example-merchant-webhook-key-32b".getBytes(StandardCharsets.UTF_8));

    private static ConfigurableApplicationContext fluxPay;
    private static ConfigurableApplicationContext example;
    private static String exampleUrl;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startFluxPayAndTheExample(PostgresDatabase database) throws IOException {
        // FluxPay needs the example's webhook URL at start-up, the example FluxPay's URL: the example's port is
        // chosen first (free now, taken a few seconds later).
        int examplePort = freePort();
        exampleUrl = "http://127.0.0.1:" + examplePort;
        fluxPay = new SpringApplicationBuilder(FluxPayApplication.class)
                .run(
                        "--spring.config.location=" + fluxPayOwnConfig(),
                        "--server.port=0",
                        "--server.shutdown=immediate",
                        "--spring.r2dbc.url=" + database.r2dbcUrl(),
                        "--spring.r2dbc.username=" + database.username(),
                        "--spring.r2dbc.password=" + database.password(),
                        "--fluxpay.bootstrap-merchant.api-key=" + API_KEY,
                        "--fluxpay.pg.mode=simulator",
                        "--management.server.port=0",
                        "--fluxpay.bootstrap-merchant.webhook-url=" + exampleUrl + "/webhooks/fluxpay",
                        "--fluxpay.bootstrap-merchant.webhook-secret=" + WEBHOOK_SECRET,
                        "--fluxpay.webhooks.allowed-hosts=127.0.0.1"); // the SSRF guard refuses loopback otherwise
        String fluxPayUrl = "http://127.0.0.1:" + fluxPay.getEnvironment().getRequiredProperty("local.server.port");
        // The platform's variables, which the example's application.yaml maps to fluxpay.client.*.
        example = new SpringApplicationBuilder(ExampleApplication.class)
                .run(
                        "--server.port=" + examplePort,
                        // the engine's R2DBC starter is on this class path too; the example has no database
                        "--spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
                        "--FLUXPAY_BASE_URL=" + fluxPayUrl,
                        "--FLUXPAY_API_KEY=" + API_KEY,
                        "--FLUXPAY_WEBHOOK_SECRET=" + WEBHOOK_SECRET);
    }

    @AfterAll
    static void stop() {
        if (example != null) {
            example.close();
        }
        if (fluxPay != null) {
            fluxPay.close();
        }
    }

    @Test
    void paysAnOrderThenRefundsPartOfItAndVerifiesTheirWebhooks() throws Exception {
        JsonNode payment = post("/checkout-demo?amount=9900");
        String paymentId = payment.get("paymentId").asString();
        assertThat(payment.get("status").asString()).isEqualTo("DONE");

        ReceivedEvents.Received confirmed = awaitEvent(WebhookEventTypes.PAYMENT_CONFIRMED, paymentId);
        assertThat(confirmed.status()).isEqualTo("DONE");

        JsonNode refund = post("/checkout-demo/" + paymentId + "/refunds?amount=3000");
        String refundId = refund.get("refundId").asString();
        assertThat(refund.get("status").asString()).isEqualTo("SUCCEEDED");

        assertThat(awaitEvent(WebhookEventTypes.REFUND_SUCCEEDED, refundId).status())
                .isEqualTo("SUCCEEDED");
        assertThat(awaitEvent(WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED, paymentId)
                        .status())
                .isEqualTo("PARTIAL_CANCELED");
        assertThat(client().payments().get(paymentId).status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        assertThat(events().all())
                .filteredOn(event -> event.objectId().equals(paymentId))
                .extracting(ReceivedEvents.Received::type)
                .containsExactlyInAnyOrder(
                        WebhookEventTypes.PAYMENT_CONFIRMED, WebhookEventTypes.PAYMENT_PARTIALLY_CANCELED);
    }

    @Test
    void aReplayedDeliveryIsAcknowledgedButHandledOnlyOnce() throws Exception {
        String paymentId = post("/checkout-demo?amount=4400").get("paymentId").asString();
        String webhookId =
                awaitEvent(WebhookEventTypes.PAYMENT_CONFIRMED, paymentId).webhookId();
        WebhookDelivery first = deliveries(webhookId).get(0);

        WebhookDelivery replay = client().webhookDeliveries().replay(first.deliveryId());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(webhookId).stream()
                        .anyMatch(delivery -> delivery.deliveryId().equals(replay.deliveryId())
                                && delivery.status() == WebhookDeliveryStatus.SUCCEEDED));
        assertThat(events().all())
                .filteredOn(event -> event.webhookId().equals(webhookId))
                .hasSize(1);
    }

    @Test
    void aWebhookWithoutAValidSignatureIsRefused() throws Exception {
        HttpRequest forged = HttpRequest.newBuilder(URI.create(exampleUrl + "/webhooks/fluxpay"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("webhook-id", "msg_forged")
                .header("webhook-timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .header("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"payment.confirmed\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{}}"))
                .build();

        HttpResponse<String> answer = http.send(forged, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(events().all()).noneMatch(event -> event.webhookId().equals("msg_forged"));
    }

    private ReceivedEvents.Received awaitEvent(String type, String objectId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> events().all().stream()
                                .filter(event -> event.type().equals(type)
                                        && event.objectId().equals(objectId))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<WebhookDelivery> deliveries(String webhookId) {
        return client().webhookDeliveries()
                .list(WebhookDeliveryListParams.forEvent(webhookId))
                .items();
    }

    private JsonNode post(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(exampleUrl + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static ReceivedEvents events() {
        return example.getBean(ReceivedEvents.class);
    }

    private static FluxPayClient client() {
        return example.getBean(FluxPayClient.class);
    }

    /**
     * The engine's application.yaml, from its own jar or classes: the example's, first on this class path, would
     * shadow it.
     */
    private static String fluxPayOwnConfig() {
        String location = FluxPayApplication.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        return location.endsWith(".jar") ? "jar:" + location + "!/application.yaml" : location + "application.yaml";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
