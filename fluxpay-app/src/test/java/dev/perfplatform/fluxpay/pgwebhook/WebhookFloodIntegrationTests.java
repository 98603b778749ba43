package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Forged deliveries with fresh transmission ids for one real payment, at the default settings: the look-ups they cost
 * at the PG are counted at the simulator's door.
 */
@Import(SimulatorLookupCounter.Configuration.class)
@TestPropertySource(properties = {"fluxpay.simulator.webhook-url=", "fluxpay.reconciler.enabled=false"})
class WebhookFloodIntegrationTests extends PgWebhookTestBase {

    private static final int FLOOD = 30;
    private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    @Autowired
    SimulatorLookupCounter pg;

    @Test
    void aFloodOfForgedDeliveriesForOnePaymentCostsAtMostOneLookUpPerWindow() throws Exception {
        JsonNode paid = paidPayment(2500);
        String paymentKey = paid.get("paymentKey").asString();
        String eventsBefore = events(paid);
        String forged = paymentStatusChanged(paymentKey, paid, "CANCELED", 2500);
        pg.reset();
        long started = System.nanoTime();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            String transmissionId = "forged-" + UUID.randomUUID();
            ids.add(transmissionId);
            HttpResponse<String> answer = webhook(transmissionId, forged);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        int whileTheFirstWindowIsOpen = pg.lookups();
        Duration sending = Duration.ofNanos(System.nanoTime() - started);
        await().atMost(PATIENCE)
                .until(() -> count("SELECT count(*) FROM pg_webhook_receipts WHERE status = 'RECEIVED'"
                                + " AND transmission_id LIKE 'forged-%'")
                        == 0);

        LoggerFactory.getLogger(WebhookFloodIntegrationTests.class)
                .info("{} forged deliveries for one payment cost {} PG look-ups", FLOOD, pg.lookups());
        assertThat(sending).as("the flood is sent within one window").isLessThan(DEFAULT_WINDOW);
        assertThat(pg.lookups())
                .as("PG look-ups for %d forged deliveries (one per window)", FLOOD)
                .isBetween(1, 2);
        assertThat(whileTheFirstWindowIsOpen)
                .as("PG look-ups while the first window was open")
                .isLessThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE status = 'IGNORED' AND transmission_id IN ('"
                        + String.join("','", ids) + "')"))
                .isEqualTo(FLOOD);
        assertThat(status(paid)).isEqualTo("DONE");
        assertThat(events(paid)).isEqualTo(eventsBefore);
    }
}
