package dev.perfplatform.fluxpay.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Bad input is a 4xx in the envelope, never a 500 with a stack trace: a body over the codec limit on every kind of
 * route, and Spring's own refusals (no such endpoint, method, media type, acceptable representation), also when raised
 * before any controller is chosen.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "fluxpay.admin.key=" + ClientErrorsIntegrationTests.ADMIN_KEY)
class ClientErrorsIntegrationTests extends FluxPayApplicationTestBase {

    static final String ADMIN_KEY = "adm_test_client_errors_0123456789abcdef";

    /** Over Boot's default {@code spring.codec.max-in-memory-size} of 256 KiB. */
    private static final String HUGE = "{\"userId\":\"" + "x".repeat(300 * 1024) + "\"}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    @Test
    void aBodyOverTheCodecLimitIsA413InTheEnvelopeOnEveryRouteAndLogsOneLine(CapturedOutput output) throws Exception {
        List<Route> routes = List.of(
                new Route(
                        "/api/v1/orders",
                        List.of(
                                "Authorization",
                                "Bearer " + MERCHANT_KEY,
                                "Idempotency-Key",
                                UUID.randomUUID().toString())),
                new Route("/webhooks/toss", List.of("tosspayments-webhook-transmission-id", "tx-huge-1")),
                new Route("/admin/v1/merchants", List.of("Authorization", "Bearer " + ADMIN_KEY)),
                new Route("/sim/checkout", List.of()));
        long keys = count("SELECT count(*) FROM idempotency_keys");
        long receipts = count("SELECT count(*) FROM pg_webhook_receipts");

        for (Route route : routes) {
            int logged = output.getAll().length();

            HttpResponse<String> refused = http.send(
                    request(route.path(), route.headers().toArray(String[]::new))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(HUGE))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(route.path()).isEqualTo(413);
            assertEnvelope(refused, "VAL_006");
            assertThat(body(refused).get("error").get("message").asString()).contains("256 KiB");
            String log = output.getAll().substring(logged);
            assertThat(log).as(route.path()).doesNotContain("\tat ").doesNotContain("ERROR");
            assertThat(log.lines().filter(line -> line.contains(route.path())))
                    .as(route.path())
                    .hasSize(1);
        }
        assertThat(count("SELECT count(*) FROM idempotency_keys")).isEqualTo(keys);
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts")).isEqualTo(receipts);
    }

    @Test
    void anUnknownPathIsA404ToACaller() throws Exception {
        // anonymous callers get 401 for every path they may not see (ApiSurfaceIntegrationTests)
        HttpResponse<String> elsewhere = send("GET", "/no/such/path", MERCHANT_KEY, "");
        HttpResponse<String> merchant = send("GET", "/api/v1/no-such-resource", MERCHANT_KEY, "");
        HttpResponse<String> posted = send("POST", "/no/such/path", MERCHANT_KEY, "{}");

        for (HttpResponse<String> answer : List.of(elsewhere, merchant, posted)) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertEnvelope(answer, "REQ_001");
        }
    }

    @Test
    void theCheckoutUrlTheApiHandsOutIsPostOnly() throws Exception {
        String checkoutUrl = createPayment(2500).get("checkoutUrl").asString();

        HttpResponse<String> opened = http.send(
                HttpRequest.newBuilder(URI.create(checkoutUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(opened.statusCode()).isEqualTo(405);
        assertEnvelope(opened, "REQ_002");
        assertThat(opened.headers().allValues("Allow")).containsExactly("POST");
    }

    @Test
    void deletingAnOrderIs405WithTheMethodsAllowed() throws Exception {
        String orderId = createOrder(1000, "KRW");

        HttpResponse<String> deleted = send("DELETE", "/api/v1/orders/" + orderId, MERCHANT_KEY, "");

        assertThat(deleted.statusCode()).isEqualTo(405);
        assertEnvelope(deleted, "REQ_002");
        assertThat(deleted.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET").doesNotContain("DELETE"));
        assertThat(text("SELECT status FROM orders WHERE id = '" + orderId + "'"))
                .isEqualTo("PENDING");
    }

    @Test
    void aPostWithoutContentTypeOrAsAFormIs415NamingTheTypeAccepted() throws Exception {
        String payment = paymentId(createPayment(3000));
        String checkout = "{\"orderId\":\"" + payment + "\",\"amount\":3000}";

        HttpResponse<String> untyped = http.send(
                request("/sim/checkout")
                        .POST(HttpRequest.BodyPublishers.ofString(checkout))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> form = http.send(
                request("/sim/checkout", "Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(checkout))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(untyped.statusCode()).isEqualTo(415);
        assertEnvelope(untyped, "REQ_003");
        assertThat(body(untyped).get("error").get("message").asString())
                .startsWith("Content-Type is missing; send application/json");
        assertThat(form.statusCode()).isEqualTo(415);
        assertEnvelope(form, "REQ_003");
        assertThat(body(form).get("error").get("message").asString())
                .isEqualTo("Content-Type application/x-www-form-urlencoded is not supported; send application/json");
        assertThat(count("SELECT count(*) FROM sim_payments WHERE order_id = '" + payment + "'"))
                .isZero();
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsNamed() throws Exception {
        HttpResponse<String> refused = send("GET", "/api/v1/orders?limit=many", MERCHANT_KEY, "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertEnvelope(refused, "VAL_001");
        assertThat(body(refused).get("error").get("message").asString()).isEqualTo("limit must be an integer");
        assertThat(body(refused)
                        .get("error")
                        .get("fieldErrors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("limit");
    }

    @Test
    void anAcceptTheApiCannotAnswerIs406() throws Exception {
        String orderId = createOrder(1000, "KRW");

        HttpResponse<String> refused = http.send(
                request("/api/v1/orders/" + orderId, "Authorization", "Bearer " + MERCHANT_KEY, "Accept", "image/png")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(406);
        assertEnvelope(refused, "REQ_004");
    }

    @Test
    void aRefusalRaisedBeforeAnyControllerIsChosenIsInTheEnvelope(CapturedOutput output) throws Exception {
        int logged = output.getAll().length();

        HttpResponse<String> refused = send("PUT", RefusingFilter.PATH, MERCHANT_KEY, "{}");

        assertThat(refused.statusCode()).isEqualTo(405);
        assertEnvelope(refused, "REQ_002");
        assertThat(refused.headers().allValues("Allow")).containsExactly("GET");
        assertThat(output.getAll().substring(logged)).doesNotContain("\tat ");
    }

    private void assertEnvelope(HttpResponse<String> answer, String code) {
        JsonNode envelope = body(answer);
        assertThat(envelope.get("success").asBoolean()).isFalse();
        assertThat(envelope.get("error").get("code").asString()).isEqualTo(code);
        assertThat(envelope.get("metadata").get("traceId").asString()).isNotEmpty();
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        return headers.length == 0 ? request : request.headers(headers);
    }

    private record Route(String path, List<String> headers) {}

    /** Stands for a filter (such as an authentication one) refusing a request before the dispatcher runs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RefusingFilter {

        static final String PATH = "/test-only/refused-by-a-filter";

        @Bean
        WebFilter refusingFilter() {
            return (exchange, chain) -> exchange.getRequest().getPath().value().equals(PATH)
                    ? Mono.error(
                            new MethodNotAllowedException(exchange.getRequest().getMethod(), Set.of(HttpMethod.GET)))
                    : chain.filter(exchange);
        }
    }
}
