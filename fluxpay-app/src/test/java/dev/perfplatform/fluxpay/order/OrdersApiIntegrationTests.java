package dev.perfplatform.fluxpay.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class OrdersApiIntegrationTests extends FluxPayApplicationTestBase {

    private static final String OTHER_MERCHANT_KEY = "sk_test_other_merchant_fedcba9876543210";
    private static final String ORDER = """
            {"userId":"user-1","currency":"KRW","metadata":{"plan":"PRO"},
             "lineItems":[{"productId":"p-1","productName":"PRO plan","quantity":2,"unitPrice":4950},
                          {"productId":"p-2","productName":"Setup","quantity":1,"unitPrice":1000}]}""";

    @Autowired
    private MerchantRepository merchants;

    @BeforeEach
    void otherMerchant() {
        merchants
                .createIfAbsent(UUID.randomUUID(), "other", OTHER_MERCHANT_KEY, null)
                .block();
    }

    private HttpResponse<String> createOrder(String key, String body) throws Exception {
        return send("POST", "/api/v1/orders", MERCHANT_KEY, body, "Idempotency-Key", key);
    }

    @Test
    void createsAnOrderAndReplaysTheSameBytesForTheSameKey() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = count("SELECT count(*) FROM orders");

        HttpResponse<String> created = createOrder(key, ORDER);
        HttpResponse<String> replayed = createOrder(key, ORDER);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = body(created).get("data");
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(order.get("totalAmount").asLong()).isEqualTo(2 * 4950 + 1000);
        assertThat(order.get("lineItems").get(0).get("totalPrice").asLong()).isEqualTo(9900);
        assertThat(order.get("metadata").get("plan").asString()).isEqualTo("PRO");
        assertThat(created.headers().firstValue("Idempotent-Replayed")).isEmpty();

        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(created.body());
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(before + 1);
    }

    @Test
    void aKeyIsBoundToItsEndpointAndBody() throws Exception {
        String key = UUID.randomUUID().toString();
        String orderId =
                body(createOrder(key, ORDER)).get("data").get("orderId").asString();

        HttpResponse<String> otherBody = createOrder(key, ORDER.replace("user-1", "user-2"));
        HttpResponse<String> otherEndpoint =
                send("POST", "/api/v1/orders/" + orderId + "/cancel", MERCHANT_KEY, "", "Idempotency-Key", key);

        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(body(otherBody).get("error").get("code").asString()).isEqualTo("VAL_004");
        assertThat(otherEndpoint.statusCode()).isEqualTo(422);
        assertThat(body(otherEndpoint).get("success").asBoolean()).isFalse();
    }

    @Test
    void theKeyIsRequiredAndBounded() throws Exception {
        HttpResponse<String> missing = send("POST", "/api/v1/orders", MERCHANT_KEY, ORDER);
        HttpResponse<String> tooLong = createOrder("k".repeat(256), ORDER);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(body(missing).get("error").get("code").asString()).isEqualTo("VAL_002");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(body(tooLong).get("error").get("code").asString()).isEqualTo("VAL_003");
        assertThat(createOrder("k".repeat(255), ORDER).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[]",
                "{\"userId\":\"u\",\"currency\":\"KRW\",\"lineItems\":[]}",
                "{\"userId\":\"u\",\"currency\":\"GBP\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\","
                        + "\"quantity\":1,\"unitPrice\":100}]}",
                "{\"userId\":\"u\",\"currency\":\"USD\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\","
                        + "\"quantity\":1,\"unitPrice\":1.5}]}",
                "{\"userId\":\"u\",\"currency\":\"USD\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\","
                        + "\"quantity\":0,\"unitPrice\":100}]}",
                "{\"userId\":\"\",\"currency\":\"USD\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\","
                        + "\"quantity\":1,\"unitPrice\":100}]}",
                "{\"userId\":\"u\",\"currency\":\"USD\",\"amount\":5,\"lineItems\":[{\"productId\":\"p\","
                        + "\"productName\":\"n\",\"quantity\":1,\"unitPrice\":100}]}",
                "{\"userId\":\"u\",\"currency\":\"USD\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\","
                        + "\"quantity\":1,\"unitPrice\":-100}]}"
            })
    void badInputIsA400InTheEnvelopeWithNothingWrittenAndTheKeyFreeForAFix(String bad) throws Exception {
        String key = UUID.randomUUID().toString();
        long orders = count("SELECT count(*) FROM orders");
        long keys = count("SELECT count(*) FROM idempotency_keys");

        HttpResponse<String> rejected = createOrder(key, bad);

        assertThat(rejected.statusCode()).isEqualTo(400);
        JsonNode envelope = body(rejected);
        assertThat(envelope.get("success").asBoolean()).isFalse();
        assertThat(envelope.get("error").get("code").asString()).isEqualTo("VAL_001");
        assertThat(envelope.get("metadata").get("traceId").asString()).isNotEmpty();
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(orders);
        assertThat(count("SELECT count(*) FROM idempotency_keys")).isEqualTo(keys);
        assertThat(createOrder(key, ORDER).statusCode()).isEqualTo(201);
    }

    @Test
    void invalidFieldsAreNamed() throws Exception {
        HttpResponse<String> rejected = createOrder(
                UUID.randomUUID().toString(),
                "{\"userId\":\"u\",\"currency\":\"USD\",\"lineItems\":[{\"productId\":\"p\",\"productName\":\"n\","
                        + "\"quantity\":0,\"unitPrice\":100}]}");

        JsonNode fieldErrors = body(rejected).get("error").get("fieldErrors");
        assertThat(fieldErrors.get(0).get("field").asString()).isEqualTo("lineItems[0].quantity");
    }

    @Test
    void everyEndpointNeedsAValidApiKey() throws Exception {
        HttpResponse<String> none = send("GET", "/api/v1/orders", "", "");
        HttpResponse<String> wrong = send("GET", "/api/v1/orders", "sk_test_nobody", "");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(body(none).get("error").get("code").asString()).isEqualTo("AUTH_001");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("sk_test_nobody");
    }

    @Test
    void anotherMerchantsOrderDoesNotExist() throws Exception {
        String orderId = body(createOrder(UUID.randomUUID().toString(), ORDER))
                .get("data")
                .get("orderId")
                .asString();

        HttpResponse<String> read = send("GET", "/api/v1/orders/" + orderId, OTHER_MERCHANT_KEY, "");
        HttpResponse<String> cancel = send(
                "POST",
                "/api/v1/orders/" + orderId + "/cancel",
                OTHER_MERCHANT_KEY,
                "",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        HttpResponse<String> list = send("GET", "/api/v1/orders?userId=user-1", OTHER_MERCHANT_KEY, "");

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(body(read).get("error").get("code").asString()).isEqualTo("ORD_001");
        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(body(list).get("data").get("items")).isEmpty();
        assertThat(body(send("GET", "/api/v1/orders/" + orderId, MERCHANT_KEY, ""))
                        .get("data")
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
    }

    @Test
    void aPendingOrderCancelsOnce() throws Exception {
        String orderId = body(createOrder(UUID.randomUUID().toString(), ORDER))
                .get("data")
                .get("orderId")
                .asString();
        String path = "/api/v1/orders/" + orderId + "/cancel";

        HttpResponse<String> canceled = send(
                "POST",
                path,
                MERCHANT_KEY,
                "",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        HttpResponse<String> again = send(
                "POST",
                path,
                MERCHANT_KEY,
                "",
                "Idempotency-Key",
                UUID.randomUUID().toString());

        assertThat(canceled.statusCode()).isEqualTo(200);
        assertThat(body(canceled).get("data").get("status").asString()).isEqualTo("CANCELED");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).get("error").get("code").asString()).isEqualTo("ORD_002");
    }

    @Test
    void listsPageByCursorNewestFirst() throws Exception {
        String user = "pager-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(body(createOrder(UUID.randomUUID().toString(), ORDER.replace("user-1", user)))
                    .get("data")
                    .get("orderId")
                    .asString());
        }

        JsonNode first = body(send("GET", "/api/v1/orders?limit=2&userId=" + user, MERCHANT_KEY, ""))
                .get("data");
        JsonNode second = body(send(
                        "GET",
                        "/api/v1/orders?limit=2&userId=" + user + "&startingAfter="
                                + first.get("nextCursor").asString(),
                        MERCHANT_KEY,
                        ""))
                .get("data");

        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("orderId").asString()).isEqualTo(created.get(2));
        assertThat(first.get("items").get(1).get("orderId").asString()).isEqualTo(created.get(1));
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        assertThat(second.get("items").get(0).get("orderId").asString()).isEqualTo(created.get(0));
        assertThat(send("GET", "/api/v1/orders?limit=0", MERCHANT_KEY, "").statusCode())
                .isEqualTo(400);
    }

    @Test
    void concurrentDuplicatesCreateOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        String user = "concurrent-" + UUID.randomUUID();
        String body = ORDER.replace("user-1", user);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> createOrder(key, body));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM orders WHERE user_id = '" + user + "'"))
                .isEqualTo(1);
        List<HttpResponse<String>> created = responses.stream()
                .filter(response -> response.statusCode() == 201)
                .toList();
        assertThat(created).isNotEmpty();
        assertThat(created)
                .extracting(HttpResponse::body)
                .containsOnly(created.get(0).body());
        assertThat(responses)
                .allSatisfy(response -> assertThat(response.statusCode()).isIn(201, 409));
    }

    @Test
    void everyEndpointIsInTheOpenApiDocument() throws Exception {
        String document = send("GET", "/v3/api-docs/public", "", "").body();

        assertThat(document)
                .contains(
                        "\"/api/v1/orders\"",
                        "\"/api/v1/orders/{orderId}\"",
                        "\"/api/v1/orders/{orderId}/cancel\"",
                        "\"/api/v1/payments\"",
                        "\"/api/v1/payments/{paymentId}\"",
                        "\"/api/v1/payments/{paymentId}/confirm\"",
                        "\"/api/v1/payments/{paymentId}/refunds\"",
                        "\"/api/v1/refunds\"",
                        "\"/api/v1/refunds/{refundId}\"");
    }
}
