package dev.perfplatform.fluxpay.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.fluxpay.pg.PgMode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The engine against a TossPayments that accepts connections and never answers (a MockWebServer that stalls every
 * request): while the reconciler waits on its look-ups, an overdue order still expires and its merchant webhook is
 * still delivered, within {@link #BOUND}, because no job shares a thread with one waiting on the PG.
 */
@TestPropertySource(
        properties = {
            "fluxpay.pg.mode=toss",
            "fluxpay.pg.toss.read-timeout=30s",
            "fluxpay.idempotency.lease=60s", // must outlast a PG call (connect + read timeout): SettingsAgreement
            "fluxpay.reconciler.interval=200ms",
            "fluxpay.orders.ttl=1h",
            "fluxpay.orders.expiry-interval=200ms",
            "fluxpay.webhooks.poll-interval=200ms",
            "fluxpay.webhooks.allowed-hosts=127.0.0.1"
        })
class HangingPgIntegrationTests extends FluxPayApplicationTestBase {

    private static final Logger log = LoggerFactory.getLogger(HangingPgIntegrationTests.class);
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final MockWebServer pg = started(new MockWebServer());
    private static final MockWebServer merchant = started(new MockWebServer());

    @Autowired
    PgMode mode;

    @DynamicPropertySource
    static void hangingToss(DynamicPropertyRegistry registry) {
        pg.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .onResponseStart(SocketEffect.Stall.INSTANCE)
                        .build();
            }
        });
        merchant.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(204).build();
            }
        });
        registry.add("fluxpay.pg.toss.base-url", () -> pg.url("/v1").toString());
        registry.add("fluxpay.pg.toss.secret-key", () -> "test_sk_hanging_pg");
    }

    @AfterAll
    static void stopServers() {
        pg.close();
        merchant.close();
    }

    @Test
    void aHangingPgLookUpStallsNeitherOrderExpiryNorWebhookDelivery() throws Exception {
        assertThat(mode).isEqualTo(PgMode.TOSS);
        update("UPDATE merchants SET webhook_url = 'http://127.0.0.1:" + merchant.getPort() + "/hooks'");
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unknown.add(paymentId(createPayment(1000 + i)));
        }
        update("UPDATE payments SET status = 'UNKNOWN', payment_key = 'pk_hang_' || id, next_check_at = now()"
                + " WHERE id IN ('" + String.join("', '", unknown) + "')");
        assertThat(pg.takeRequest(10, TimeUnit.SECONDS))
                .as("the reconciler's first look-up reached the PG")
                .isNotNull();

        JsonNode overdue = createPayment(2500);
        String orderId = overdue.get("orderId").asString();
        long start = System.nanoTime();
        update("UPDATE orders SET created_at = now() - interval '2 hours' WHERE id = '" + orderId + "'");

        await().atMost(BOUND)
                .untilAsserted(() -> assertThat(text("SELECT status FROM orders WHERE id = '" + orderId + "'"))
                        .isEqualTo("EXPIRED"));
        Duration expiredAfter = Duration.ofNanos(System.nanoTime() - start);
        RecordedRequest webhook = merchant.takeRequest(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        Duration deliveredAfter = Duration.ofNanos(System.nanoTime() - start);

        log.info(
                "with the PG hanging: order expired after {} ms, its webhook delivered after {} ms",
                expiredAfter.toMillis(),
                deliveredAfter.toMillis());
        assertThat(webhook).as("the merchant's webhook within " + BOUND).isNotNull();
        assertThat(String.valueOf(
                        webhook.getBody() == null ? null : webhook.getBody().utf8()))
                .contains("payment.failed")
                .contains(paymentId(overdue));
        assertThat(text("SELECT status FROM payments WHERE id = '" + unknown.get(0) + "'"))
                .isEqualTo("UNKNOWN");
    }

    private static MockWebServer started(MockWebServer server) {
        try {
            server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
