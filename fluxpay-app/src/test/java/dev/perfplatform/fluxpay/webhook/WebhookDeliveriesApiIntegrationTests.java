package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.payment.client.FluxPayClient;
import dev.perfplatform.payment.client.Page;
import dev.perfplatform.payment.client.model.WebhookDeliveryListParams;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/webhook-deliveries}: pages and filters, one delivery with its attempts, replay, merchant scoping, and
 * payment-client's view of the same calls.
 */
@TestPropertySource(properties = "fluxpay.webhooks.poll-interval=1h")
class WebhookDeliveriesApiIntegrationTests extends WebhookIntegrationTestBase {

    private static final String OTHER_MERCHANT_KEY = "sk_test_other_merchant_0123456789";

    @Autowired
    WebhookWorker worker;

    @Value("${local.server.port}")
    int port;

    @Test
    void listsTheMerchantsDeliveriesNewestFirstByTypeAndStatus() throws Exception {
        merchant.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean failed = new String(body(request), StandardCharsets.UTF_8).contains("payment.failed");
                return new MockResponse.Builder().code(failed ? 500 : 200).build();
            }
        });
        JsonNode oldest = paidPayment(1000);
        clock.advance(Duration.ofSeconds(1));
        JsonNode middle = paidPayment(2000);
        clock.advance(Duration.ofSeconds(1));
        JsonNode newest = paidPayment(3000);
        clock.advance(Duration.ofSeconds(1));
        JsonNode declined = createPayment(4000);
        confirm(declined, checkout(declined, "DECLINE"), 4000);
        round();

        JsonNode first = list("?eventType=payment.confirmed&status=SUCCEEDED&limit=2");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items")).hasSize(2);
        assertThat(paymentOf(first.get("items").get(0))).isEqualTo(paymentId(newest));
        assertThat(paymentOf(first.get("items").get(1))).isEqualTo(paymentId(middle));
        JsonNode second = list("?eventType=payment.confirmed&status=SUCCEEDED&limit=2&startingAfter="
                + first.get("nextCursor").asString());
        assertThat(paymentOf(second.get("items").get(0))).isEqualTo(paymentId(oldest));

        JsonNode failed = list("?eventType=payment.failed&limit=1").get("items").get(0);
        assertThat(failed.get("status").asString()).isEqualTo("PENDING");
        assertThat(failed.get("attempt").asInt()).isEqualTo(1);
        assertThat(failed.get("responseStatus").asInt()).isEqualTo(500);
        assertThat(failed.get("error").asString()).isEqualTo("HTTP 500");
        assertThat(failed.get("nextAttemptAt").asString())
                .isEqualTo(clock.instant().plusSeconds(5).toString());
        assertThat(failed.has("payload")).as("pages carry no payloads").isFalse();
    }

    @Test
    void refusesUnknownFilters() throws Exception {
        HttpResponse<String> status = send("GET", "/api/v1/webhook-deliveries?status=LOST", MERCHANT_KEY, "");
        HttpResponse<String> type = send("GET", "/api/v1/webhook-deliveries?eventType=payment.paid", MERCHANT_KEY, "");

        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(body(status).get("error").get("code").asString()).isEqualTo("VAL_001");
        assertThat(body(status)
                        .get("error")
                        .get("fieldErrors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("status");
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(body(type)
                        .get("error")
                        .get("fieldErrors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("eventType");
    }

    @Test
    void oneDeliveryShowsItsPayloadAndEveryAttempt() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(500).build());
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);
        round();
        clock.advance(Duration.ofSeconds(5));
        round();
        merchant.takeRequest();
        RecordedRequest delivered = merchant.takeRequest();

        JsonNode delivery = get(deliveryId(payment));

        assertThat(delivery.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(delivery.get("eventId").asString())
                .isEqualTo(verified(delivered).webhookId());
        assertThat(delivery.get("eventType").asString()).isEqualTo("payment.confirmed");
        assertThat(delivery.get("attempt").asInt()).isEqualTo(2);
        assertThat(delivery.get("attemptLog").findValuesAsString("responseStatus"))
                .containsExactly("500", "200");
        assertThat(delivery.get("payload")).isEqualTo(json.readTree(body(delivered)));
        assertThat(delivery.get("payload").get("data").get("paymentId").asString())
                .isEqualTo(paymentId(payment));
        assertThat(delivery.has("nextAttemptAt")).isFalse();
    }

    @Test
    void replayResendsTheSameEventWithTheSameWebhookId() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);
        round();
        RecordedRequest original = merchant.takeRequest();
        String deliveryId = deliveryId(payment);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> replayed = replay(deliveryId, MERCHANT_KEY, key);
        round();
        HttpResponse<String> again = replay(deliveryId, MERCHANT_KEY, key);
        round();

        assertThat(replayed.statusCode()).isEqualTo(202);
        JsonNode replay = body(replayed).get("data");
        assertThat(replay.get("replayOf").asString()).isEqualTo(deliveryId);
        assertThat(replay.get("status").asString()).isEqualTo("PENDING");
        assertThat(replay.get("eventId").asString())
                .isEqualTo(verified(original).webhookId());
        RecordedRequest resent = merchant.takeRequest();
        assertThat(verified(resent).webhookId()).isEqualTo(verified(original).webhookId());
        assertThat(body(resent)).isEqualTo(body(original));
        assertThat(get(replay.get("deliveryId").asString()).get("status").asString())
                .isEqualTo("SUCCEEDED");
        assertThat(again.body()).isEqualTo(replayed.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(merchant.getRequestCount())
                .as("the same key replays the answer, not the webhook")
                .isEqualTo(2);
    }

    @Test
    void replayNeedsAnIdempotencyKey() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);

        HttpResponse<String> keyless =
                send("POST", "/api/v1/webhook-deliveries/" + deliveryId(payment) + "/replay", MERCHANT_KEY, "");

        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(body(keyless).get("error").get("code").asString()).isEqualTo("VAL_002");
    }

    @Test
    void replayWhileTheEndpointIsDisabledIsAConflictThatLeavesTheKeyFree() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);
        round();
        update("UPDATE merchants SET webhook_disabled_at = now() WHERE " + BOOTSTRAP_MERCHANT);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> refused = replay(deliveryId(payment), MERCHANT_KEY, key);
        update("UPDATE merchants SET webhook_disabled_at = NULL WHERE " + BOOTSTRAP_MERCHANT);
        HttpResponse<String> accepted = replay(deliveryId(payment), MERCHANT_KEY, key);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(body(refused).get("error").get("code").asString()).isEqualTo("WHK_002");
        assertThat(accepted.statusCode()).isEqualTo(202);
    }

    @Test
    void anotherMerchantsDeliveryIsNotFound() throws Exception {
        update("INSERT INTO merchants (id, name, api_key_hash) VALUES (gen_random_uuid(), 'other',"
                + " sha256(convert_to('" + OTHER_MERCHANT_KEY + "', 'UTF8'))) ON CONFLICT DO NOTHING");
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);
        String deliveryId = deliveryId(payment);

        HttpResponse<String> read = send("GET", "/api/v1/webhook-deliveries/" + deliveryId, OTHER_MERCHANT_KEY, "");
        HttpResponse<String> replayed =
                replay(deliveryId, OTHER_MERCHANT_KEY, UUID.randomUUID().toString());
        HttpResponse<String> listed = send("GET", "/api/v1/webhook-deliveries", OTHER_MERCHANT_KEY, "");
        HttpResponse<String> notAnId = send("GET", "/api/v1/webhook-deliveries/nope", MERCHANT_KEY, "");

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(body(read).get("error").get("code").asString()).isEqualTo("WHK_001");
        assertThat(replayed.statusCode()).isEqualTo(404);
        assertThat(body(replayed).get("error").get("code").asString()).isEqualTo("WHK_001");
        assertThat(body(listed).get("data").get("items")).isEmpty();
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE replay_of = '" + deliveryId + "'"))
                .isZero();
    }

    @Test
    void paymentClientListsAndReplaysDeliveries() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        paidPayment(1000);
        round();
        String eventId = verified(merchant.takeRequest()).webhookId();

        try (FluxPayClient client = FluxPayClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .apiKey(MERCHANT_KEY)
                .build()) {
            Page<dev.perfplatform.payment.client.model.WebhookDelivery> page = client.webhookDeliveries()
                    .list(WebhookDeliveryListParams.forEvent(eventId)
                            .withStatus(dev.perfplatform.payment.client.model.WebhookDeliveryStatus.SUCCEEDED));
            assertThat(page.items()).singleElement().satisfies(delivery -> {
                assertThat(delivery.eventId()).isEqualTo(eventId);
                assertThat(delivery.eventType()).isEqualTo("payment.confirmed");
                assertThat(delivery.attempt()).isEqualTo(1);
                assertThat(delivery.responseStatus()).isEqualTo(200);
                assertThat(delivery.deliveredAt()).isNotNull();
            });

            dev.perfplatform.payment.client.model.WebhookDelivery replay =
                    client.webhookDeliveries().replay(page.items().get(0).deliveryId());

            assertThat(replay.eventId()).isEqualTo(eventId);
            assertThat(replay.status()).isEqualTo(dev.perfplatform.payment.client.model.WebhookDeliveryStatus.PENDING);
        }
        round();
        assertThat(verified(merchant.takeRequest()).webhookId()).isEqualTo(eventId);
    }

    private void round() {
        worker.deliverDue().block(Duration.ofSeconds(30));
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/webhook-deliveries" + query, MERCHANT_KEY, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).get("data");
    }

    private JsonNode get(String deliveryId) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/webhook-deliveries/" + deliveryId, MERCHANT_KEY, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response).get("data");
    }

    private HttpResponse<String> replay(String deliveryId, String apiKey, String key) throws Exception {
        return send("POST", "/api/v1/webhook-deliveries/" + deliveryId + "/replay", apiKey, "", "Idempotency-Key", key);
    }

    private String paymentOf(JsonNode delivery) throws Exception {
        return text("SELECT payment_id FROM webhook_events WHERE id = '"
                + delivery.get("eventId").asString() + "'");
    }

    private static String deliveryId(JsonNode payment) throws Exception {
        return text("SELECT d.id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"
                + " WHERE e.payment_id = '" + paymentId(payment) + "' AND d.replay_of IS NULL");
    }
}
