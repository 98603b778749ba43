package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A flood beyond {@code fluxpay.pg.webhooks.queue-capacity}: deliveries that find the queue full are told to come back
 * later (Toss re-sends anything but 200) and leave nothing behind; the work the others cause stays bounded. The
 * deliveries that are let in wait for the next look-up window (10 s by default), which is what holds their places.
 */
@Import(SimulatorLookupCounter.Configuration.class)
@TestPropertySource(
        properties = {
            "fluxpay.simulator.webhook-url=",
            "fluxpay.reconciler.enabled=false",
            "fluxpay.pg.webhooks.queue-capacity=4"
        })
class WebhookQueueIntegrationTests extends PgWebhookTestBase {

    private static final int FLOOD = 10;
    private static final int CAPACITY = 4;

    @Autowired
    SimulatorLookupCounter pg;

    @Test
    void deliveriesBeyondTheQueueAreToldToRetryLaterAndStoreNothing() throws Exception {
        JsonNode paid = paidPayment(3100);
        String forged = paymentStatusChanged(paid.get("paymentKey").asString(), paid, "CANCELED", 3100);
        pg.reset();
        String opening = "tx-" + UUID.randomUUID();
        assertThat(webhook(opening, forged).statusCode()).isEqualTo(200);
        assertThat(processed(opening)).isEqualTo("IGNORED");
        await().atMost(PATIENCE).until(() -> scraped("fluxpay_pg_webhooks_queue") == 0);
        double busyBefore = busy();

        // within the window the first look-up opened, deliveries wait in the queue for the next look-up
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            String transmissionId = "tx-" + UUID.randomUUID();
            HttpResponse<String> answer = webhook(transmissionId, forged);
            if (answer.statusCode() == 200) {
                accepted.add(transmissionId);
                continue;
            }
            refused.add(transmissionId);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(body(answer).get("success").asBoolean()).isFalse();
            assertThat(body(answer).get("error").get("code").asString()).isEqualTo("SYS_002");
        }

        assertThat(accepted).hasSize(CAPACITY);
        assertThat(refused).hasSize(FLOOD - CAPACITY);
        assertThat(scraped("fluxpay_pg_webhooks_queue")).isEqualTo(CAPACITY);
        assertThat(busy() - busyBefore).isEqualTo(FLOOD - CAPACITY);
        assertThat(count("SELECT count(*) FROM pg_webhook_receipts WHERE transmission_id IN ('"
                        + String.join("','", refused) + "')"))
                .as("a refused delivery stores nothing")
                .isZero();
        for (String transmissionId : accepted) {
            assertThat(processed(transmissionId)).isEqualTo("IGNORED");
        }
        assertThat(pg.lookups())
                .as("the opening look-up, then one for every delivery that waited")
                .isEqualTo(2);

        String resent = refused.get(0);
        assertThat(webhook(resent, forged).statusCode())
                .as("Toss re-sends a refused delivery with its transmission id")
                .isEqualTo(200);
        assertThat(processed(resent)).isEqualTo("IGNORED");
        assertThat(status(paid)).isEqualTo("DONE");
    }

    private double busy() throws Exception {
        return scraped("fluxpay_pg_webhooks_total{result=\"busy\",type=\"PAYMENT_STATUS_CHANGED\"}");
    }
}
