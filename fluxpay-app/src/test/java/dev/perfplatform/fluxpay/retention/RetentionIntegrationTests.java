package dev.perfplatform.fluxpay.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.fluxpay.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Retention run by hand ({@link RetentionJob#prune()}; its schedule is an hour away) over rows aged in SQL, two rows
 * per delete statement: what is past its retention goes, what is younger or still in work stays, the ledger stays, and
 * every row is counted.
 */
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {
            "fluxpay.retention.batch-size=2",
            "fluxpay.webhooks.worker-enabled=false",
            "fluxpay.simulator.webhook-url="
        })
class RetentionIntegrationTests extends FluxPayApplicationTestBase {

    @Autowired
    RetentionJob retention;

    @Autowired
    MutableClock clock;

    @Test
    void receiptsAndSimulatorRowsPastTheirRetentionGoInBatchesAndYoungerOnesStay() throws Exception {
        for (int i = 0; i < 5; i++) {
            receipt("old-" + i, "PROCESSED", "31 days");
            simPayment("old-" + i, "8 days");
            simIdempotency("old-" + i, "8 days");
        }
        receipt("young", "IGNORED", "29 days");
        receipt("in-work", "RECEIVED", "40 days");
        simPayment("young", "6 days");
        simIdempotency("young", "6 days");
        double receiptsBefore = deleted("pg_webhook_receipts");

        retention.prune().block(Duration.ofSeconds(30));

        assertThat(rows("SELECT transmission_id FROM pg_webhook_receipts WHERE transmission_id LIKE 'retention-%'"))
                .containsExactlyInAnyOrder("retention-young", "retention-in-work");
        assertThat(rows("SELECT order_id FROM sim_payments WHERE order_id LIKE 'retention-%'"))
                .containsExactly("retention-young");
        assertThat(rows("SELECT scope FROM sim_idempotency WHERE scope LIKE 'retention-%'"))
                .containsExactly("retention-young");
        assertThat(deleted("pg_webhook_receipts") - receiptsBefore).isEqualTo(5);
        assertThat(deleted("sim_payments")).isGreaterThanOrEqualTo(5);
        assertThat(deleted("sim_idempotency")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void finishedDeliveriesGoWithTheirAttemptsThenTheirEventsWhilePendingOnesAndTheLedgerStay() throws Exception {
        update("UPDATE merchants SET webhook_url = 'http://127.0.0.1:9/hooks'");
        List<String> finished = List.of(paid(), paid(), paid());
        String pending = paid();
        String replayed = paid();
        String young = paid();
        long ledger = count("SELECT count(*) FROM payment_events");
        for (String payment : finished) {
            delivered(payment, "31 days");
        }
        delivered(replayed, "31 days");
        delivered(young, "29 days");
        update("UPDATE webhook_deliveries SET created_at = now() - interval '60 days',"
                + " updated_at = now() - interval '60 days' WHERE " + ofPayment(pending));
        age("webhook_events", "created_at", pending, "60 days");
        update("INSERT INTO webhook_deliveries (id, event_id, merchant_id, status, delivered_at, replay_of, created_at,"
                + " updated_at) SELECT gen_random_uuid(), d.event_id, d.merchant_id, 'SUCCEEDED', now(), d.id, now(),"
                + " now() FROM webhook_deliveries d WHERE " + ofPayment(replayed));
        double attemptsBefore = deleted("webhook_attempts");
        double deliveriesBefore = deleted("webhook_deliveries");
        double eventsBefore = deleted("webhook_events");

        retention.prune().block(Duration.ofSeconds(30));

        for (String payment : finished) {
            assertThat(count("SELECT count(*) FROM webhook_events WHERE payment_id = '" + payment + "'"))
                    .isZero();
        }
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE " + ofPayment(pending)))
                .as("a pending delivery stays whatever its age")
                .isOne();
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE " + ofPayment(replayed)))
                .as("a delivery a replay points at stays, with its replay")
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE " + ofPayment(young)))
                .isOne();
        assertThat(count("SELECT count(*) FROM webhook_events WHERE payment_id IN ('" + pending + "', '" + replayed
                        + "', '" + young + "')"))
                .isEqualTo(3);
        assertThat(deleted("webhook_deliveries") - deliveriesBefore).isEqualTo(3);
        assertThat(deleted("webhook_attempts") - attemptsBefore).isEqualTo(6);
        assertThat(deleted("webhook_events") - eventsBefore).isEqualTo(3);

        clock.advance(Duration.ofDays(2));
        try {
            retention.prune().block(Duration.ofSeconds(30));
        } finally {
            clock.advance(Duration.ofDays(-2));
        }

        assertThat(count("SELECT count(*) FROM webhook_events WHERE payment_id = '" + young + "'"))
                .as("on the app's clock, the young delivery and then its event are past their retention too")
                .isZero();
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE " + ofPayment(pending)))
                .isOne();
        assertThat(count("SELECT count(*) FROM payment_events"))
                .as("the ledger")
                .isEqualTo(ledger);
    }

    /** A paid payment, whose confirmation waits as a PENDING delivery (the worker is off); returns its id. */
    private String paid() throws Exception {
        return paymentId(paidPayment(1000));
    }

    /** The payment's delivery delivered {@code age} ago after two attempts, its event as old. */
    private static void delivered(String payment, String age) throws Exception {
        update("UPDATE webhook_deliveries SET status = 'SUCCEEDED', attempts = 2, next_attempt_at = NULL,"
                + " delivered_at = now() - interval '" + age + "', updated_at = now() - interval '" + age + "',"
                + " created_at = now() - interval '" + age + "' WHERE " + ofPayment(payment));
        update("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, response_status, duration_ms)"
                + " SELECT d.id, n, now() - interval '" + age + "', 204, 3 FROM webhook_deliveries d,"
                + " generate_series(1, 2) n WHERE " + ofPayment(payment));
        age("webhook_events", "created_at", payment, age);
    }

    private static void age(String table, String column, String payment, String age) throws Exception {
        update("UPDATE " + table + " SET " + column + " = now() - interval '" + age + "' WHERE payment_id = '" + payment
                + "'");
    }

    private static String ofPayment(String payment) {
        return "event_id IN (SELECT id FROM webhook_events WHERE payment_id = '" + payment + "')";
    }

    private static void receipt(String name, String status, String age) throws Exception {
        boolean received = status.equals("RECEIVED");
        update("INSERT INTO pg_webhook_receipts (transmission_id, event_type, status, next_attempt_at, received_at,"
                + " processed_at) VALUES ('retention-" + name + "', 'PAYMENT_STATUS_CHANGED', '" + status + "', "
                + (received ? "now()" : "NULL") + ", now() - interval '" + age + "', "
                + (received ? "NULL" : "now() - interval '" + age + "'") + ")");
    }

    private static void simPayment(String name, String age) throws Exception {
        update("INSERT INTO sim_payments (payment_key, order_id, amount, balance_amount, status, scenario, created_at)"
                + " VALUES ('sim_retention_" + name + "', 'retention-" + name + "', 1000, 1000, 'DONE', 'APPROVE',"
                + " now() - interval '" + age + "')");
    }

    private static void simIdempotency(String name, String age) throws Exception {
        update("INSERT INTO sim_idempotency (scope, status_code, body, created_at) VALUES ('retention-" + name
                + "', 200, '{}', now() - interval '" + age + "')");
    }

    private double deleted(String table) throws Exception {
        return scraped("fluxpay_retention_deleted_total{table=\"" + table + "\"}");
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (var connection = connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
