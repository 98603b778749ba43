package dev.perfplatform.fluxpay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The whole HTTP surface, enumerated from the app's own handler mappings, so an endpoint added later is covered
 * without editing this test: each one is documented in {@code /v3/api-docs}, none lets a merchant see or touch
 * another merchant's resource (a new endpoint fails here until it has a case), and each merchant endpoint answers
 * malformed input with a 4xx in the envelope and writes no business data (a refusal the caller can fix leaves the
 * Idempotency-Key free; a 404 is stored under its key like any final answer).
 */
@TestPropertySource(properties = "fluxpay.webhooks.allowed-hosts=127.0.0.1")
class ApiSurfaceIntegrationTests extends FluxPayApplicationTest {

    /** Tables of business data a request could write to. */
    private static final List<String> TABLES = List.of(
            "merchants",
            "orders",
            "order_line_items",
            "payments",
            "payment_events",
            "refunds",
            "sim_payments",
            "sim_idempotency");

    /** Bodies no endpoint accepts. */
    private static final List<String> BAD_BODIES = List.of(
            "{",
            "[]",
            "\"text\"",
            "{\"unknownField\":1}",
            "{\"amount\":-1,\"currency\":\"XXX\",\"paymentKey\":\"\",\"orderId\":\"not-a-uuid\"}",
            "{\"amount\":1.5,\"orderId\":123,\"lineItems\":\"none\",\"userId\":null}");

    @Autowired
    private MerchantRepository merchants;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Test
    void everyEndpointIsInTheOpenApiDocument() throws Exception {
        JsonNode paths = body(send("GET", "/v3/api-docs", "", "")).get("paths");
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            JsonNode documented = paths.path(endpoint.path());
            if (!documented.has(endpoint.method().toLowerCase(Locale.ROOT))) {
                missing.add(endpoint.method() + " " + endpoint.path());
            }
        }
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(10);
    }

    @Test
    void malformedInputOnEveryMerchantEndpointIsA4xxInTheEnvelopeAndWritesNothing() throws Exception {
        createOrder(1000, "KRW");
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.path().startsWith("/api/")) {
                continue;
            }
            for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
                String path = endpoint.path().replaceAll("\\{[^}]+}", id);
                List<String> bodies = endpoint.method().equals("GET") ? List.of("") : BAD_BODIES;
                for (String bad : bodies) {
                    long before = rows();
                    long keysBefore = count("SELECT count(*) FROM idempotency_keys");
                    String query = endpoint.method().equals("GET") ? "?limit=-1&startingAfter=nope" : "";
                    HttpResponse<String> answer = send(
                            endpoint.method(),
                            path + query,
                            MERCHANT_KEY,
                            bad,
                            "Idempotency-Key",
                            UUID.randomUUID().toString());
                    String what = endpoint.method() + " " + path + query + " " + bad + " -> " + answer.statusCode()
                            + " " + answer.body();
                    if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                        problems.add("not a 4xx: " + what);
                    } else if (!isErrorEnvelope(answer)) {
                        problems.add("not the envelope: " + what);
                    }
                    if (rows() != before) {
                        problems.add("wrote rows: " + what);
                    }
                    // an answer the caller can fix by correcting the request must leave the key free
                    if (answer.body().contains("\"VAL_")
                            && count("SELECT count(*) FROM idempotency_keys") != keysBefore) {
                        problems.add("stored the key of a refused request: " + what);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noMerchantEndpointLetsAnotherMerchantSeeOrTouchAResource() throws Exception {
        String other = "sk_test_other_merchant_surface_0123456789";
        merchants.createIfAbsent(UUID.randomUUID(), "other", other, null).block();
        update("UPDATE merchants SET webhook_url = 'http://127.0.0.1:1/hooks' WHERE name = 'bootstrap'");
        String pendingOrder = createOrder(1000, "KRW");
        JsonNode paid = paidPayment(3000);
        String refundId = body(post(
                        "/api/v1/refunds",
                        "{\"paymentId\":\"" + paymentId(paid) + "\",\"amount\":1000,\"reason\":\"r\"}"))
                .get("data")
                .get("refundId")
                .asString();
        String deliveryId = text("SELECT id FROM webhook_deliveries ORDER BY created_at LIMIT 1");
        Map<String, String> ids = Map.of(
                "{orderId}", pendingOrder,
                "{paymentId}", paymentId(paid),
                "{refundId}", refundId,
                "{deliveryId}", deliveryId);
        // what the other merchant sends to each endpoint: the first merchant's resources, in the path or the body
        Map<String, String> bodies = Map.of(
                "POST /api/v1/orders/{orderId}/cancel", "",
                "POST /api/v1/payments", "{\"orderId\":\"" + pendingOrder + "\",\"amount\":1000,\"currency\":\"KRW\"}",
                "POST /api/v1/payments/{paymentId}/confirm",
                        "{\"paymentKey\":\"" + paid.get("paymentKey").asString() + "\",\"amount\":3000}",
                "POST /api/v1/refunds", "{\"paymentId\":\"" + paymentId(paid) + "\",\"amount\":500,\"reason\":\"r\"}",
                "POST /api/v1/webhook-deliveries/{deliveryId}/replay", "");
        Map<String, String> queries = Map.of(
                "GET /api/v1/orders", "?userId=payer",
                "GET /api/v1/payments", "?orderId=" + pendingOrder,
                "GET /api/v1/webhook-deliveries", "");
        long before = rows() + count("SELECT count(*) FROM webhook_deliveries");

        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String name = endpoint.method() + " " + endpoint.path();
            if (!endpoint.path().startsWith("/api/") || name.equals("POST /api/v1/orders")) {
                continue; // creating an order of one's own involves no one else's resource
            }
            String path = endpoint.path();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            String query = queries.get(name);
            String body = bodies.get(name);
            if (path.contains("{")
                    || (query == null && body == null && endpoint.method().equals("POST"))) {
                problems.add("no wrong-merchant case for " + name + ": add one to this test");
                continue;
            }
            HttpResponse<String> answer = send(
                    endpoint.method(),
                    path + (query == null ? "" : query),
                    other,
                    body == null ? "" : body,
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
            boolean emptyList = answer.statusCode() == 200
                    && query != null
                    && body(answer).get("data").get("items").isEmpty();
            if (answer.statusCode() != 404 && !emptyList) {
                problems.add(name + " -> " + answer.statusCode() + " " + answer.body());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rows() + count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(before);
        assertThat(text("SELECT status FROM orders WHERE id = '" + pendingOrder + "'"))
                .isEqualTo("PENDING");
    }

    private boolean isErrorEnvelope(HttpResponse<String> answer) {
        try {
            JsonNode envelope = body(answer);
            return !envelope.get("success").asBoolean()
                    && envelope.get("error").get("code").asString().matches("[A-Z]+_\\d{3}")
                    && envelope.has("metadata");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long rows() throws Exception {
        StringBuilder sql = new StringBuilder("SELECT 0");
        for (String table : TABLES) {
            sql.append(" + (SELECT count(*) FROM ").append(table).append(')');
        }
        return count(sql.toString());
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo mapping : handlers.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            mapping.getPatternsCondition().getPatterns().forEach(pattern -> {
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern.getPatternString()));
                }
            });
        }
        endpoints.removeIf(endpoint -> endpoint.path().startsWith("/v3/api-docs"));
        return endpoints;
    }

    private record Endpoint(String method, String path) {}
}
