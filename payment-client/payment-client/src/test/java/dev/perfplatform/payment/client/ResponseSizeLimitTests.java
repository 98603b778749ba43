package dev.perfplatform.payment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.payment.client.model.Order;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResponseSizeLimitTests {

    private static final int SMALL_LIMIT = 4 * 1024;

    @RegisterExtension
    final FluxPayServer server = new FluxPayServer();

    @Test
    void readsAnAnswerOfExactlyTheDefaultLimit() {
        server.enqueue(order(200, FluxPayClient.DEFAULT_MAX_RESPONSE_BYTES, false));

        assertThat(server.client().orders().get("ord_1").orderId()).isEqualTo("ord_1");
    }

    @Test
    void refusesAnAnswerOneByteOverTheDefaultLimitWithoutRetrying() {
        server.enqueue(order(200, FluxPayClient.DEFAULT_MAX_RESPONSE_BYTES + 1, false));

        assertThatThrownBy(() -> server.client().orders().get("ord_1"))
                .isExactlyInstanceOf(FluxPayException.class)
                .hasMessageStartingWith("the answer (HTTP 200) to orders.get is larger than the client's limit of "
                        + FluxPayClient.DEFAULT_MAX_RESPONSE_BYTES + " bytes (maxResponseBytes)");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void appliesAConfiguredLimitToAnnouncedAndToChunkedBodies() {
        FluxPayClient client = server.builder().maxResponseBytes(SMALL_LIMIT).build();
        server.enqueue(order(200, SMALL_LIMIT, true))
                .enqueue(order(200, SMALL_LIMIT + 1, true))
                .enqueue(order(200, SMALL_LIMIT, false))
                .enqueue(order(200, SMALL_LIMIT + 1, false));

        try (client) {
            assertThat(client.orders().get("ord_1").orderId()).isEqualTo("ord_1");
            assertThatThrownBy(() -> client.orders().get("ord_1"))
                    .isExactlyInstanceOf(FluxPayException.class)
                    .hasMessageContaining("limit of " + SMALL_LIMIT + " bytes");
            assertThat(client.orders().get("ord_1").orderId()).isEqualTo("ord_1");
            assertThatThrownBy(() -> client.orders().get("ord_1"))
                    .isExactlyInstanceOf(FluxPayException.class)
                    .hasMessageContaining("limit of " + SMALL_LIMIT + " bytes");
        }
    }

    @Test
    void theAsynchronousPathAppliesTheSameLimit() throws Exception {
        FluxPayClient client = server.builder().maxResponseBytes(SMALL_LIMIT).build();
        server.enqueue(order(200, SMALL_LIMIT, true)).enqueue(order(200, SMALL_LIMIT + 1, true));

        try (client) {
            assertThat(client.orders()
                            .getAsync("ord_1")
                            .get(5, TimeUnit.SECONDS)
                            .orderId())
                    .isEqualTo("ord_1");
            CompletableFuture<Order> tooLarge = client.orders().getAsync("ord_1");
            assertThatThrownBy(() -> tooLarge.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isExactlyInstanceOf(FluxPayException.class)
                    .hasMessageContaining("limit of " + SMALL_LIMIT + " bytes");
        }
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void anErrorAnswerOverTheLimitKeepsItsStatusAndIsRetriedLikeAnyOther() {
        FluxPayClient client = server.builder().maxResponseBytes(SMALL_LIMIT).build();
        server.enqueue(new MockResponse.Builder()
                        .code(503)
                        .setHeader("Content-Type", "text/html")
                        .body("<html>" + "x".repeat(SMALL_LIMIT) + "</html>")
                        .build())
                .data(200, Fixtures.ORDER);

        try (client) {
            assertThat(client.orders().get("ord_1").orderId()).isEqualTo("ord_1");
        }
        assertThat(server.requestCount()).isEqualTo(2);

        server.enqueue(new MockResponse.Builder()
                .code(404)
                .body("{\"success\":false,\"error\":{\"code\":\"ORD_001\",\"message\":\"" + "x".repeat(SMALL_LIMIT)
                        + "\"}}")
                .build());
        try (FluxPayClient strict =
                server.builder().maxResponseBytes(SMALL_LIMIT).build()) {
            assertThatThrownBy(() -> strict.orders().get("ord_1"))
                    .isInstanceOfSatisfying(FluxPayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).as("the envelope was not read").isNull();
                    });
        }
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> FluxPayClient.builder().maxResponseBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxResponseBytes");
    }

    /** An order in FluxPay's envelope, padded with spaces to exactly {@code size} bytes. */
    private static MockResponse order(int status, int size, boolean chunked) {
        String envelope = "{\"success\":true,\"data\":" + Fixtures.ORDER + "}";
        int length = envelope.getBytes(StandardCharsets.UTF_8).length;
        byte[] body = (envelope + " ".repeat(size - length)).getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(size);
        MockResponse.Builder response =
                new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json");
        return chunked
                ? response.chunkedBody(new Buffer().write(body), 1024).build()
                : response.body(new Buffer().write(body)).build();
    }
}
