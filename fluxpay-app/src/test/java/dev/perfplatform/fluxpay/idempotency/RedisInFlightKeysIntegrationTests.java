package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.testing.redis.RedisServerProcess;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The duplicate-confirm test with Redis answering concurrent duplicates, then again with that Redis process killed:
 * exactly one confirm reaches the PG either way, because PostgreSQL's record decides and Redis only answers early.
 */
@TestPropertySource(properties = "fluxpay.simulator.slow-delay=2s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisInFlightKeysIntegrationTests extends FluxPayApplicationTestBase {

    private static final RedisServerProcess redis = RedisServerProcess.standalone();

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("fluxpay.idempotency.redis-url", redis::uri);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    @Order(1)
    void withRedisConcurrentDuplicatesAreAnsweredEarlyAndThePgConfirmsOnce() throws Exception {
        assertOneConfirmAtThePg(4100);

        assertThat(inflight("held")).isPositive();
    }

    @Test
    @Order(2)
    void aCompletedKeyIsReplayedNotRefusedBecauseItsMarkerIsGoneBeforeTheAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"userId\":\"u\",\"currency\":\"KRW\",\"lineItems\":[{\"productId\":\"p\","
                + "\"productName\":\"P\",\"quantity\":1,\"unitPrice\":1000}]}";
        HttpResponse<String> first = post("/api/v1/orders", body, key);
        HttpResponse<String> again = post("/api/v1/orders", body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    @Order(3)
    void withRedisKilledThePgStillConfirmsOnce() throws Exception {
        redis.node(0).kill();
        double unavailableBefore = inflight("unavailable");

        assertOneConfirmAtThePg(4200);

        assertThat(inflight("unavailable")).isGreaterThan(unavailableBefore);
    }

    private void assertOneConfirmAtThePg(long amount) throws Exception {
        JsonNode payment = createPayment(amount);
        String paymentKey = checkout(payment, "SLOW");

        List<HttpResponse<String>> responses = confirmConcurrently(payment, paymentKey, amount, 100);

        assertThat(count("SELECT confirm_count FROM sim_payments WHERE payment_key = '" + paymentKey + "'"))
                .isOne();
        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isIn(200, 409));
        List<String> done = responses.stream()
                .filter(response -> response.statusCode() == 200)
                .map(HttpResponse::body)
                .toList();
        assertThat(done).isNotEmpty();
        assertThat(text("SELECT status FROM payments WHERE id = '" + paymentId(payment) + "'"))
                .isEqualTo("DONE");
    }

    private double inflight(String result) throws Exception {
        return scraped("fluxpay_idempotency_inflight_total{result=\"" + result + "\"}");
    }
}
