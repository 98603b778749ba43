package dev.perfplatform.fluxpay.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyRetentionIntegrationTests extends FluxPayApplicationTestBase {

    private static final String ORDER = """
            {"userId":"%s","currency":"USD",
             "lineItems":[{"productId":"p-1","productName":"Plan","quantity":1,"unitPrice":123}]}""";

    @Autowired
    private IdempotencyReaper reaper;

    @Test
    void aKeyPastItsRetentionStartsAfresh() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(create(key, "first").statusCode()).isEqualTo(201);
        ageKey(key);

        assertThat(create(key, "second").statusCode()).isEqualTo(201);
    }

    @Test
    void theReaperDeletesOnlyExpiredRecords() throws Exception {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        create(old, "old");
        create(fresh, "fresh");
        ageKey(old);

        reaper.reap();

        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = '" + old + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = '" + fresh + "'"))
                .isOne();
    }

    @Test
    void anAttemptWhoseLeaseRanOutIsTakenOverAndCompleted() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = ORDER.formatted("taken-over");
        unfinishedAttempt(key, body, "now() - interval '1 second'");

        assertThat(send("POST", "/api/v1/orders", MERCHANT_KEY, body, "Idempotency-Key", key)
                        .statusCode())
                .isEqualTo(201);
        assertThat(count("SELECT count(*) FROM orders WHERE user_id = 'taken-over'"))
                .isOne();
    }

    @Test
    void anAttemptStillHoldingItsLeaseMakesDuplicatesWait() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = ORDER.formatted("in-flight");
        unfinishedAttempt(key, body, "now() + interval '1 minute'");

        var duplicate = send("POST", "/api/v1/orders", MERCHANT_KEY, body, "Idempotency-Key", key);

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(body(duplicate).get("error").get("code").asString()).isEqualTo("VAL_005");
        assertThat(count("SELECT count(*) FROM orders WHERE user_id = 'in-flight'"))
                .isZero();
    }

    private java.net.http.HttpResponse<String> create(String key, String user) throws Exception {
        return send("POST", "/api/v1/orders", MERCHANT_KEY, ORDER.formatted(user), "Idempotency-Key", key);
    }

    /** A record as an attempt that never finished leaves it, its lease ending at {@code leaseEnd} (SQL). */
    private static void unfinishedAttempt(String key, String body, String leaseEnd) throws Exception {
        update("INSERT INTO idempotency_keys (merchant_id, idempotency_key, endpoint, request_hash, lease_token,"
                + " locked_until) SELECT id, '" + key + "', 'POST /orders', sha256(convert_to('" + body
                + "', 'UTF8')), gen_random_uuid(), " + leaseEnd + " FROM merchants WHERE name = 'bootstrap'");
    }

    private static void ageKey(String key) throws Exception {
        update("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE idempotency_key = '" + key
                + "'");
    }
}
