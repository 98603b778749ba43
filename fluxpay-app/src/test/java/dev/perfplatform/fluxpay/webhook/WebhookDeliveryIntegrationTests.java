package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.webhook.WebhookDeliveryRepository.ClaimedDelivery;
import dev.perfplatform.payment.client.webhook.WebhookEvent;
import dev.perfplatform.payment.client.webhook.WebhookEventTypes;
import dev.perfplatform.payment.client.webhook.WebhookHeaders;
import dev.perfplatform.payment.client.webhook.WebhookVerificationException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Delivery against a MockWebServer merchant, one worker round at a time ({@link WebhookWorker#deliverDue()}; the
 * schedule itself is too slow to fire here) and the clock moved by hand: signatures, the retry schedule, 410, redirects,
 * slow endpoints, dead workers' leases and the SSRF guard.
 */
@TestPropertySource(properties = "fluxpay.webhooks.poll-interval=1h")
class WebhookDeliveryIntegrationTests extends WebhookIntegrationTestBase {

    @Autowired
    WebhookWorker worker;

    @Autowired
    WebhookDeliveryRepository deliveries;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPaidPaymentDeliversOneSignedPaymentConfirmed() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(204).build());
        JsonNode payment = paidPayment(9900);

        round();

        assertThat(merchant.getRequestCount()).isEqualTo(1);
        RecordedRequest request = merchant.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        WebhookEvent event = verified(request);
        assertThat(event.type()).isEqualTo(WebhookEventTypes.PAYMENT_CONFIRMED);
        assertThat(event.webhookId()).startsWith("msg_");
        assertThat(event.data().get("paymentId").asString()).isEqualTo(paymentId(payment));
        assertThat(event.data().get("status").asString()).isEqualTo("DONE");
        assertThat(event.data().get("amount").asLong()).isEqualTo(9900);
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("SUCCEEDED/1");

        round();
        assertThat(merchant.getRequestCount()).as("delivered once").isEqualTo(1);
    }

    @Test
    void theMerchantsVerifierRejectsATamperedDelivery() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        paidPayment(1000);
        round();
        RecordedRequest request = merchant.takeRequest();
        byte[] body = body(request);
        WebhookHeaders headers = WebhookHeaders.from(request.getHeaders()::get);

        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("\"amount\":1000", "\"amount\":1")
                .getBytes(StandardCharsets.UTF_8);
        WebhookHeaders otherId = new WebhookHeaders(
                "msg_" + UUID.randomUUID().toString().replace("-", ""), headers.timestamp(), headers.signature());

        assertThat(tampered).isNotEqualTo(body);
        assertThatThrownBy(() -> verifier().verify(headers, tampered))
                .isInstanceOf(WebhookVerificationException.class)
                .extracting(e -> ((WebhookVerificationException) e).reason())
                .isEqualTo(WebhookVerificationException.Reason.NO_MATCHING_SIGNATURE);
        assertThatThrownBy(() -> verifier().verify(otherId, body)).isInstanceOf(WebhookVerificationException.class);
        assertThat(verifier().verify(headers, body).type()).isEqualTo(WebhookEventTypes.PAYMENT_CONFIRMED);
    }

    @Test
    void serverErrorsAreRetriedOnTheScheduleUntilDeliveredOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            merchant.enqueue(new MockResponse.Builder().code(500).build());
        }
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(5000);

        round();
        assertThat(merchant.getRequestCount()).isEqualTo(1);
        List<String> webhookIds = new ArrayList<>();
        webhookIds.add(verified(merchant.takeRequest()).webhookId());
        List<Duration> waits = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
        for (Duration wait : waits) {
            clock.advance(wait.minusSeconds(1));
            int before = merchant.getRequestCount();
            round();
            assertThat(merchant.getRequestCount()).as("not before %s", wait).isEqualTo(before);
            clock.advance(Duration.ofSeconds(1));
            round();
            assertThat(merchant.getRequestCount()).as("after %s", wait).isEqualTo(before + 1);
            webhookIds.add(verified(merchant.takeRequest()).webhookId());
        }

        assertThat(webhookIds).hasSize(4).containsOnly(webhookIds.get(0));
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("SUCCEEDED/4");
        assertThat(text("SELECT string_agg(coalesce(response_status::text, '-'), ',' ORDER BY attempt)"
                        + " FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id"
                        + " JOIN webhook_events e ON e.id = d.event_id WHERE e.payment_id = '" + paymentId(payment)
                        + "'"))
                .isEqualTo("500,500,500,200");
    }

    @Test
    void aDeliveryFailsForGoodWhenTheScheduleRunsOut() throws Exception {
        for (int i = 0; i < 8; i++) {
            merchant.enqueue(new MockResponse.Builder().code(503).build());
        }
        JsonNode payment = paidPayment(5000);
        double failedBefore = outcome("failed");

        round();
        for (String wait : List.of("PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT10H")) {
            clock.advance(Duration.parse(wait));
            round();
        }
        clock.advance(Duration.ofDays(3));
        round();

        assertThat(merchant.getRequestCount()).isEqualTo(8);
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("FAILED/8");
        assertThat(outcome("failed")).isEqualTo(failedBefore + 1);
    }

    @Test
    void goneDisablesTheEndpointAndEveryWaitingDelivery() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(410).build());
        JsonNode first = paidPayment(1000);
        JsonNode waiting = paidPayment(2000);
        update(
                "UPDATE webhook_deliveries d SET next_attempt_at = next_attempt_at + interval '1 hour' FROM webhook_events e"
                        + " WHERE e.id = d.event_id AND e.payment_id = '" + paymentId(waiting) + "'");

        round();
        JsonNode later = paidPayment(3000);
        clock.advance(Duration.ofDays(1));
        round();

        assertThat(merchant.getRequestCount()).isEqualTo(1);
        assertThat(deliveryOf(first, "payment.confirmed")).isEqualTo("DISABLED/1");
        assertThat(deliveryOf(waiting, "payment.confirmed")).isEqualTo("DISABLED/0");
        assertThat(deliveryOf(later, "payment.confirmed")).isEqualTo("DISABLED/0");
        assertThat(text("SELECT webhook_disabled_at IS NOT NULL FROM merchants WHERE " + BOOTSTRAP_MERCHANT))
                .isEqualTo("t");
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        merchant.enqueue(new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "http://127.0.0.1:" + merchant.getPort() + "/elsewhere")
                .build());
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);

        round();

        assertThat(merchant.getRequestCount()).isEqualTo(1);
        assertThat(merchant.takeRequest().getUrl().encodedPath()).isEqualTo("/webhooks");
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("PENDING/1");
        assertThat(lastError(payment)).contains("302").contains("redirects are not followed");
    }

    @Test
    void aSlowEndpointCountsAsAFailure() throws Exception {
        merchant.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(3, TimeUnit.SECONDS)
                .build());
        JsonNode payment = paidPayment(1000);

        round();

        assertThat(merchant.getRequestCount()).isEqualTo(1);
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("PENDING/1");
        assertThat(lastError(payment)).contains("no answer within");
    }

    @Test
    void aDeadWorkersDeliveryIsReclaimedWhenItsLeaseRunsOut() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        JsonNode payment = paidPayment(1000);
        UUID deadToken = UUID.randomUUID();
        Instant leaseUntil = clock.instant().plus(Duration.ofMinutes(1));
        update("UPDATE webhook_deliveries d SET status = 'DELIVERING', lease_token = '" + deadToken
                + "', lease_until = '" + leaseUntil + "' FROM webhook_events e WHERE e.id = d.event_id"
                + " AND e.payment_id = '" + paymentId(payment) + "'");

        round();
        assertThat(merchant.getRequestCount()).as("left alone while leased").isZero();
        assertThat(meters.get("fluxpay.webhook.backlog").gauge().value()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        round();
        assertThat(merchant.getRequestCount()).isEqualTo(1);
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("SUCCEEDED/1");
        assertThat(meters.get("fluxpay.webhook.backlog").gauge().value()).isZero();

        ClaimedDelivery dead = new ClaimedDelivery(
                UUID.fromString(text("SELECT d.id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"
                        + " WHERE e.payment_id = '" + paymentId(payment) + "'")),
                "msg_dead",
                UUID.randomUUID(),
                0,
                deadToken,
                "payment.confirmed",
                "{}",
                null,
                null,
                null,
                false);
        assertThat(deliveries
                        .recordAttempt(
                                dead,
                                AttemptResult.failed("late", Duration.ZERO),
                                clock.instant(),
                                WebhookDeliveryStatus.FAILED,
                                null)
                        .block())
                .as("the dead worker's late write is refused")
                .isFalse();
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("SUCCEEDED/1");
    }

    @Test
    void aLoopbackUrlOutsideTheAllowlistIsRefusedAndNothingIsSent() throws Exception {
        pointWebhooksAt("http://localhost:" + merchant.getPort() + "/webhooks");
        JsonNode payment = paidPayment(1000);
        double refusedBefore = outcome("refused");

        round();

        assertThat(merchant.getRequestCount()).isZero();
        assertThat(deliveryOf(payment, "payment.confirmed")).isEqualTo("PENDING/1");
        assertThat(lastError(payment)).contains("refused to send to localhost").contains("loopback");
        assertThat(outcome("refused")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aDeliveryWhoseAttemptCannotBeRecordedHoldsUpNoOtherOfItsRound() throws Exception {
        for (int i = 0; i < 3; i++) {
            merchant.enqueue(new MockResponse.Builder().code(204).build());
        }
        JsonNode refused = paidPayment(1100);
        JsonNode first = paidPayment(1200);
        JsonNode second = paidPayment(1300);
        // the database refuses to record one delivery's attempt, as it would refuse a row some bug left inconsistent
        refuseUpdates(
                "webhook_deliveries",
                "NEW.event_id = (SELECT id FROM webhook_events WHERE payment_id = '" + paymentId(refused)
                        + "') AND NEW.status = 'SUCCEEDED'");
        try {
            round();
        } finally {
            allowUpdates("webhook_deliveries");
        }

        assertThat(merchant.getRequestCount()).isEqualTo(3);
        assertThat(deliveryOf(first, "payment.confirmed")).isEqualTo("SUCCEEDED/1");
        assertThat(deliveryOf(second, "payment.confirmed")).isEqualTo("SUCCEEDED/1");
        assertThat(deliveryOf(refused, "payment.confirmed"))
                .as("left to its lease, which brings it back")
                .isEqualTo("DELIVERING/0");
    }

    private void round() {
        worker.deliverDue().block(Duration.ofSeconds(30));
    }

    private double outcome(String outcome) {
        return meters.get("fluxpay.webhook.deliveries")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    /** "status/attempts" of the payment's one delivery of {@code type}. */
    static String deliveryOf(JsonNode payment, String type) throws Exception {
        return text("SELECT d.status || '/' || d.attempts FROM webhook_deliveries d JOIN webhook_events e"
                + " ON e.id = d.event_id WHERE e.payment_id = '" + paymentId(payment) + "' AND e.type = '" + type
                + "' AND d.replay_of IS NULL");
    }

    private static String lastError(JsonNode payment) throws Exception {
        return text("SELECT d.last_error FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"
                + " WHERE e.payment_id = '" + paymentId(payment) + "'");
    }
}
