package dev.perfplatform.fluxpay.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.SelfUrl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's webhooks on the wire: Toss's body and headers, and re-sends until a 200. */
class SimulatorWebhooksTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private MockWebServer receiver;
    private SimulatorWebhooks webhooks;

    @BeforeEach
    void start() throws Exception {
        receiver = new MockWebServer();
        receiver.start();
        webhooks = webhooks(receiver.url("/hooks").toString());
    }

    @AfterEach
    void stop() {
        webhooks.destroy();
        receiver.close();
    }

    @Test
    void sendsTossShapedEventsAndResendsTheSameTransmissionUntilA200() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(500).build());
        receiver.enqueue(new MockResponse.Builder().code(204).build());
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        webhooks.send(
                SimulatorWebhooks.PAYMENT_STATUS_CHANGED,
                Map.of("paymentKey", "sim_1", "orderId", "order-1", "status", "DONE"),
                Duration.ZERO);

        RecordedRequest first = take();
        RecordedRequest second = take();
        RecordedRequest third = take();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/hooks");
        assertThat(first.getMethod()).isEqualTo("POST");
        JsonNode body = json.readTree(first.getBody().utf8());
        assertThat(body.get("eventType").asString()).isEqualTo("PAYMENT_STATUS_CHANGED");
        assertThat(body.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(body.get("data").get("paymentKey").asString()).isEqualTo("sim_1");
        String id = first.getHeaders().get("tosspayments-webhook-transmission-id");
        assertThat(id).isNotBlank();
        assertThat(first.getHeaders().get("tosspayments-webhook-transmission-time"))
                .isNotBlank();
        assertThat(List.of(first, second, third))
                .extracting(request -> request.getHeaders().get("tosspayments-webhook-transmission-id"))
                .containsOnly(id);
        assertThat(List.of(first, second, third))
                .extracting(request -> request.getHeaders().get("tosspayments-webhook-transmission-retried-count"))
                .containsExactly("0", "1", "2");
        assertThat(third.getBody().utf8()).isEqualTo(first.getBody().utf8());
    }

    @Test
    void givesUpAfterTheLastResendAndGivesEachEventItsOwnId() throws Exception {
        for (int i = 0; i < 4; i++) {
            receiver.enqueue(new MockResponse.Builder().code(503).build());
        }
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        webhooks.send(SimulatorWebhooks.CANCEL_STATUS_CHANGED, Map.of("paymentKey", "sim_2"), Duration.ZERO);
        List<RecordedRequest> failing = List.of(take(), take(), take());
        webhooks.send(SimulatorWebhooks.PAYMENT_STATUS_CHANGED, Map.of("paymentKey", "sim_3"), Duration.ZERO);
        RecordedRequest next = take();

        assertThat(failing)
                .extracting(request -> request.getHeaders().get("tosspayments-webhook-transmission-retried-count"))
                .containsExactly("0", "1", "2");
        assertThat(next.getBody().utf8()).contains("sim_3");
        assertThat(next.getHeaders().get("tosspayments-webhook-transmission-id"))
                .isNotEqualTo(failing.get(0).getHeaders().get("tosspayments-webhook-transmission-id"));
    }

    @Test
    void anEmptyUrlSendsNothing() throws Exception {
        SimulatorWebhooks disabled = webhooks(" ");
        try {
            disabled.send(SimulatorWebhooks.PAYMENT_STATUS_CHANGED, Map.of("paymentKey", "sim_4"), Duration.ZERO);
            webhooks.send(SimulatorWebhooks.PAYMENT_STATUS_CHANGED, Map.of("paymentKey", "sim_5"), Duration.ZERO);
            receiver.enqueue(new MockResponse.Builder().code(200).build());

            assertThat(take().getBody().utf8()).contains("sim_5");
            assertThat(receiver.getRequestCount()).isOne();
        } finally {
            disabled.destroy();
        }
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = receiver.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).as("a webhook within 10 s").isNotNull();
        return request;
    }

    private SimulatorWebhooks webhooks(String url) {
        return new SimulatorWebhooks(
                new SimulatorSettings(
                        Duration.ZERO,
                        Duration.ZERO,
                        url,
                        List.of(Duration.ofMillis(20), Duration.ofMillis(20)),
                        Duration.ofSeconds(2)),
                new SelfUrl(new MockEnvironment()),
                json);
    }
}
