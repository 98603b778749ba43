package dev.perfplatform.fluxpay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.merchant.MerchantRepository;
import dev.perfplatform.testing.http.Endpoint;
import dev.perfplatform.testing.http.Endpoints;
import dev.perfplatform.testing.http.PathTricks;
import dev.perfplatform.testing.http.RawHttpClient;
import dev.perfplatform.testing.http.Refusals;
import dev.perfplatform.testing.http.RowCounts;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The whole HTTP surface, enumerated from the app's own handler mappings, so an endpoint added later is covered
 * without editing this test: each one is documented in its own OpenAPI group; none answers a caller without its key
 * (anonymous, an unknown key, the other API's key) under any path trick, other than with a 400/401/403/404 in the
 * envelope that writes nothing; none lets a merchant see or touch another merchant's resource (a new endpoint fails
 * here until it has a case); and each merchant endpoint answers malformed input with a 4xx in the envelope and writes
 * no business data (a refusal the caller can fix leaves the Idempotency-Key free; a 404 is stored under its key like
 * any final answer).
 */
@TestPropertySource(
        properties = {
            "fluxpay.webhooks.allowed-hosts=127.0.0.1",
            "fluxpay.admin.key=" + ApiSurfaceIntegrationTests.ADMIN_KEY
        })
class ApiSurfaceIntegrationTests extends FluxPayApplicationTestBase {

    static final String ADMIN_KEY = "adm_surface_0123456789abcdef0123456789";

    /** Tables of business data a request could write to. */
    private static final List<String> TABLES = List.of(
            "merchants",
            "orders",
            "order_line_items",
            "payments",
            "payment_events",
            "refunds",
            "webhook_deliveries",
            "sim_payments",
            "sim_idempotency",
            "idempotency_keys");

    /** Bodies no endpoint accepts. */
    private static final List<String> BAD_BODIES = List.of(
            "{",
            "[]",
            "\"text\"",
            "{\"unknownField\":1}",
            "{\"amount\":-1,\"currency\":\"XXX\",\"paymentKey\":\"\",\"orderId\":\"not-a-uuid\"}",
            "{\"amount\":1.5,\"orderId\":123,\"lineItems\":\"none\",\"userId\":null}");

    /** Bodies that would be accepted from the right caller, so a request that slipped through would write rows. */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "POST /admin/v1/merchants",
            "{\"name\":\"intruder\"}",
            "POST /api/v1/orders",
            "{\"userId\":\"u\",\"currency\":\"KRW\",\"lineItems\":[{\"productId\":\"p\","
                    + "\"productName\":\"Plan\",\"quantity\":1,\"unitPrice\":1000}]}");

    @Autowired
    private MerchantRepository merchants;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Value("${local.server.port}")
    private int port;

    private RawHttpClient raw;
    private RowCounts rowCounts;

    @BeforeEach
    void surface() {
        raw = new RawHttpClient("http://127.0.0.1:" + port);
        rowCounts = new RowCounts(FluxPayApplicationTestBase::connect, TABLES);
    }

    @Test
    void everyEndpointIsDocumentedInItsOwnGroup() throws Exception {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        groups.put("public", body(send("GET", "/v3/api-docs/public", "", "")));
        groups.put("admin", body(send("GET", "/v3/api-docs/admin", ADMIN_KEY, "")));
        groups.put("simulator", body(send("GET", "/v3/api-docs/simulator", ADMIN_KEY, "")));
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String expected = groupOf(endpoint);
            groups.forEach((group, document) -> {
                boolean documented =
                        document.path("paths").path(endpoint.pattern()).has(endpoint.openApiMethod());
                if (documented != group.equals(expected)) {
                    problems.add(endpoint + (documented ? " is in " : " is missing from ") + group);
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(10);
        groups.forEach((group, document) -> {
            assertThat(document.path("info").path("title").asString()).as(group).startsWith("FluxPay ");
            assertThat(document.path("info").path("version").asString())
                    .as(group)
                    .isEqualTo("v1");
            assertThat(document.path("components")
                            .path("securitySchemes")
                            .path("bearer")
                            .path("scheme")
                            .asString())
                    .as(group)
                    .isEqualTo("bearer");
        });
        JsonNode publicPaths = groups.get("public").get("paths");
        for (String created : List.of("/api/v1/orders", "/api/v1/payments", "/api/v1/refunds")) {
            assertThat(publicPaths.path(created).path("post").path("responses").has("201"))
                    .as("POST " + created + " documents its 201")
                    .isTrue();
        }
        assertThat(groups.get("admin")
                        .path("paths")
                        .path("/admin/v1/merchants")
                        .path("post")
                        .path("responses")
                        .has("201"))
                .isTrue();
    }

    @Test
    void theOperatorsDocumentsNeedTheAdminKey() throws Exception {
        for (String group : List.of("admin", "simulator")) {
            assertThat(send("GET", "/v3/api-docs/" + group, "", "").statusCode())
                    .isEqualTo(401);
            assertThat(send("GET", "/v3/api-docs/" + group, MERCHANT_KEY, "").statusCode())
                    .isEqualTo(403);
        }
        assertThat(send("GET", "/v3/api-docs", MERCHANT_KEY, "").statusCode()).isEqualTo(403);
    }

    @Test
    void noProtectedEndpointAnswersACallerWithoutItsKeyUnderAnyPathTrick() {
        Refusals refusals = new Refusals(raw, this::isErrorEnvelope, rowCounts);
        for (Endpoint endpoint : endpoints()) {
            String requiredKey =
                    endpoint.isUnder("/admin/") ? ADMIN_KEY : endpoint.isUnder("/api/") ? MERCHANT_KEY : "";
            if (requiredKey.isEmpty()) {
                continue; // open endpoints: see the next test
            }
            String otherApisKey = requiredKey.equals(ADMIN_KEY) ? MERCHANT_KEY : ADMIN_KEY;
            String body = VALID_BODIES.getOrDefault(endpoint.toString(), "{}");
            String path = endpoint.samplePath(UUID.randomUUID().toString());
            List<String> paths = new ArrayList<>(List.of(path));
            paths.addAll(PathTricks.of(path));
            for (String key : new String[] {"", "sk_unknown_0123456789abcdef0123456789", otherApisKey}) {
                for (String variant : paths) {
                    refusals.expectRefused(endpoint.method(), variant, headers(key), body);
                }
            }
            // the right key under a trick that routing does not resolve to the endpoint: still refused or not found
            for (String variant : List.of(
                    path + "/", PathTricks.of(path).get(PathTricks.of(path).size() - 1))) {
                refusals.expectRefused(endpoint.method(), variant, headers(requiredKey), body);
            }
        }
        assertThat(refusals.problems()).isEmpty();
    }

    @Test
    void openEndpointsNeverFailUnderAPathTrick() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.isUnder("/admin/") || endpoint.isUnder("/api/")) {
                continue;
            }
            String path = endpoint.samplePath("x");
            List<String> paths = new ArrayList<>(List.of(path));
            paths.addAll(PathTricks.of(path));
            for (String variant : paths) {
                HttpResponse<String> answer = raw.send(endpoint.method(), variant, Map.of(), "{}");
                if (answer.statusCode() >= 500) {
                    problems.add(
                            endpoint.method() + " " + variant + " -> " + answer.statusCode() + " " + answer.body());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anUnknownPathIsA401ToStrangersAndA404ToCallers() throws Exception {
        Refusals refusals = new Refusals(raw, this::isErrorEnvelope, rowCounts);
        HttpResponse<String> anonymous = refusals.expectRefused("GET", "/no/such/path", Map.of(), "");
        HttpResponse<String> merchant = refusals.expectRefused("GET", "/no/such/path", headers(MERCHANT_KEY), "");

        assertThat(refusals.problems()).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(merchant.statusCode()).isEqualTo(404);
    }

    @Test
    void theAdminBypassesOfTheOldPrefixCheckAreClosed() {
        Refusals refusals = new Refusals(raw, this::isErrorEnvelope, rowCounts);
        String body = VALID_BODIES.get("POST /admin/v1/merchants");

        assertThat(refusals.expectRefused("POST", "/%61dmin/v1/merchants", Map.of(), body)
                        .statusCode())
                .isEqualTo(401);
        assertThat(refusals.expectRefused("POST", "/admin;x=1/v1/merchants", Map.of(), body)
                        .statusCode())
                .isEqualTo(400);
        assertThat(refusals.expectRefused(
                                "POST",
                                "/%61dmin/v1/merchants/" + UUID.randomUUID() + "/api-key/rotate?graceSeconds=0",
                                Map.of(),
                                "")
                        .statusCode())
                .isEqualTo(401);
        assertThat(refusals.problems()).isEmpty();
    }

    @Test
    void malformedInputOnEveryMerchantEndpointIsA4xxInTheEnvelopeAndWritesNothing() throws Exception {
        createOrder(1000, "KRW");
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.isUnder("/api/")) {
                continue;
            }
            for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
                String path = endpoint.samplePath(id);
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
                    } else if (!isErrorEnvelope(answer.body())) {
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
            String name = endpoint.toString();
            if (!endpoint.isUnder("/api/") || name.equals("POST /api/v1/orders")) {
                continue; // creating an order of one's own involves no one else's resource
            }
            String path = endpoint.pattern();
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

    private static String groupOf(Endpoint endpoint) {
        if (endpoint.isUnder("/admin/")) {
            return "admin";
        }
        return endpoint.isUnder("/sim/") ? "simulator" : "public";
    }

    private static Map<String, String> headers(String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        if (!key.isEmpty()) {
            headers.put("Authorization", "Bearer " + key);
        }
        return headers;
    }

    private boolean isErrorEnvelope(String answer) {
        try {
            JsonNode envelope = json.readTree(answer);
            return !envelope.get("success").asBoolean()
                    && envelope.get("error").get("code").asString().matches("[A-Z]+_\\d{3}")
                    && envelope.has("metadata");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Business rows, without the idempotency records a refused request may legitimately store. */
    private long rows() {
        return rowCounts.of().entrySet().stream()
                .filter(table -> !table.getKey().equals("idempotency_keys")
                        && !table.getKey().equals("webhook_deliveries"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private List<Endpoint> endpoints() {
        return Endpoints.of(handlers).stream()
                .filter(endpoint -> !endpoint.isUnder("/v3/api-docs"))
                .toList();
    }
}
