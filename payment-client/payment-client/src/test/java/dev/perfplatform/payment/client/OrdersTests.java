package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.payment.client.model.CreateOrderRequest;
import dev.perfplatform.payment.client.model.LineItem;
import dev.perfplatform.payment.client.model.Order;
import dev.perfplatform.payment.client.model.OrderListParams;
import dev.perfplatform.payment.client.model.OrderStatus;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class OrdersTests {

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    private static final Currency KRW = Currency.getInstance("KRW");

    @Test
    void createsAnOrderWithAJsonBodyAuthenticationAndAnIdempotencyKey() throws Exception {
        server.data(201, Fixtures.ORDER);

        Order order = server.client()
                .orders()
                .create(CreateOrderRequest.of("user-42", KRW, new LineItem("pro", "PRO plan", 2, 9_900))
                        .withMetadata(Map.of("plan", "pro")));

        RecordedRequest sent = server.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/orders");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + FluxPayServer.API_KEY);
        assertThat(sent.getHeaders().get("Idempotency-Key")).matches("[0-9a-f-]{36}");
        assertThat(sent.getHeaders().get("X-Request-Id")).startsWith("req_");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(sent.getHeaders().get("User-Agent")).startsWith("perfplatform-payment-client/");
        assertThat(JsonMapper.shared().readTree(sent.getBody().utf8()))
                .isEqualTo(JsonMapper.shared().readTree("""
                        {"userId":"user-42","lineItems":[{"productId":"pro","productName":"PRO plan","quantity":2,
                         "unitPrice":9900}],"currency":"KRW","metadata":{"plan":"pro"}}"""));

        assertThat(order.orderId()).isEqualTo("ord_1");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.totalAmount()).isEqualTo(19_800);
        assertThat(order.currency()).isEqualTo(KRW);
        assertThat(order.lineItems()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.totalPrice()).isEqualTo(19_800);
        });
        assertThat(order.metadata()).containsEntry("plan", "pro");
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void leavesEmptyMetadataOutOfTheBody() throws Exception {
        server.data(201, Fixtures.ORDER);

        server.client().orders().create(CreateOrderRequest.of("user-42", KRW, new LineItem("pro", "PRO", 1, 9_900)));

        assertThat(server.take().getBody().utf8()).doesNotContain("metadata");
    }

    @Test
    void readsAnOrderEscapingItsIdInThePath() throws Exception {
        server.data(200, Fixtures.ORDER);

        server.client().orders().get("ord 1/x");

        RecordedRequest sent = server.take();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/orders/ord%201%2Fx");
        assertThat(sent.getHeaders().get("Idempotency-Key")).isNull();
    }

    @Test
    void readsAnUnknownStatusAsUnrecognizedAndIgnoresUnknownFields() {
        server.data(200, Fixtures.ORDER.replace("\"PENDING\"", "\"ON_HOLD\""));

        assertThat(server.client().orders().get("ord_1").status()).isEqualTo(OrderStatus.UNRECOGNIZED);
    }

    @Test
    void listsAPageWithItsQuery() throws Exception {
        server.data(200, Fixtures.page(Fixtures.ORDER, true, "ord_1"));

        Page<Order> page = server.client()
                .orders()
                .list(OrderListParams.forUser("user-42").withLimit(1).withStartingAfter("ord_0"));

        RecordedRequest sent = server.take();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/orders");
        assertThat(sent.getUrl().queryParameter("userId")).isEqualTo("user-42");
        assertThat(sent.getUrl().queryParameter("limit")).isEqualTo("1");
        assertThat(sent.getUrl().queryParameter("startingAfter")).isEqualTo("ord_0");
        assertThat(page.items()).extracting(Order::orderId).containsExactly("ord_1");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextCursor()).isEqualTo("ord_1");
    }

    @Test
    void autoPagingFetchesEachPageWithThePreviousCursorOnlyWhenReached() throws Exception {
        server.data(200, Fixtures.page(Fixtures.ORDER + "," + Fixtures.ORDER.replace("ord_1", "ord_2"), true, "ord_2"))
                .data(200, Fixtures.page(Fixtures.ORDER.replace("ord_1", "ord_3"), false, null));

        AutoPager<Order> orders = server.client().orders().listAutoPaging(OrderListParams.forUser("user-42"));
        assertThat(server.requestCount()).isZero();

        assertThat(orders.stream().map(Order::orderId)).containsExactly("ord_1", "ord_2", "ord_3");
        assertThat(server.take().getUrl().queryParameter("startingAfter")).isNull();
        RecordedRequest second = server.take();
        assertThat(second.getUrl().queryParameter("startingAfter")).isEqualTo("ord_2");
        assertThat(second.getUrl().queryParameter("userId")).isEqualTo("user-42");
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void cancelsWithAnEmptyJsonBody() throws Exception {
        server.data(200, Fixtures.ORDER.replace("PENDING", "CANCELED"));

        Order order = server.client().orders().cancel("ord_1");

        RecordedRequest sent = server.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/orders/ord_1/cancel");
        assertThat(sent.getBody().utf8()).isEqualTo("{}");
        assertThat(sent.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void usesABaseUrlThatAlreadyEndsInTheApiPath() throws Exception {
        server.data(200, Fixtures.ORDER);
        try (FluxPayClient client =
                server.builder().baseUrl(server.baseUrl() + "api/v1").build()) {
            client.orders().get("ord_1");
        }
        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v1/orders/ord_1");
    }
}
