package dev.perfplatform.fluxpay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The operator's API: guarded by the admin key, credentials shown once, rotations without downtime. */
@TestPropertySource(
        properties = {
            "fluxpay.admin.key=" + AdminApiIntegrationTests.ADMIN_KEY,
            "fluxpay.bootstrap-merchant.webhook-secret=" + AdminApiIntegrationTests.FIRST_SECRET,
            "fluxpay.webhooks.allowed-hosts=127.0.0.1",
            "fluxpay.webhooks.poll-interval=100ms"
        })
class AdminApiIntegrationTests extends FluxPayApplicationTestBase {

    static final String ADMIN_KEY = "adm_test_0123456789abcdef0123456789";
    static final String FIRST_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void onlyTheAdminKeyOpensTheAdminApi() throws Exception {
        String path = "/admin/v1/merchants/" + bootstrapMerchantId();

        for (String key : new String[] {"", ADMIN_KEY + "x", "adm"}) {
            HttpResponse<String> refused = send("GET", path, key, "");
            assertThat(refused.statusCode()).as(key).isEqualTo(401);
            assertThat(body(refused).get("error").get("code").asString()).isEqualTo("AUTH_001");
        }
        // a merchant is known, but its key does not reach the admin API
        HttpResponse<String> forbidden = send("GET", path, MERCHANT_KEY, "");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(body(forbidden).get("error").get("code").asString()).isEqualTo("AUTH_002");
        HttpResponse<String> shown = send("GET", path, ADMIN_KEY, "");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(body(shown).get("data").get("name").asString()).isEqualTo("bootstrap");
        assertThat(shown.body())
                .doesNotContain("whsec_")
                .doesNotContain("apiKey")
                .doesNotContain("sk_");
    }

    @Test
    void aCreatedMerchantAuthenticatesWithItsOwnKeyAndSeesOnlyItsOwnResources() throws Exception {
        JsonNode created = createMerchant("{\"name\":\"shop\"}");
        String apiKey = created.get("apiKey").asString();

        assertThat(apiKey).startsWith("sk_").hasSizeGreaterThan(40);
        assertThat(created.get("webhookSecret").asString()).startsWith("whsec_");
        assertThat(count("SELECT count(*) FROM merchants WHERE api_key_hash = sha256(convert_to('" + apiKey
                        + "', 'UTF8'))"))
                .isOne();
        String theirs = createOrder(1000, "KRW");
        assertThat(send("GET", "/api/v1/orders/" + theirs, apiKey, "").statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/orders?userId=payer", apiKey, "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputCreatesNothing() throws Exception {
        long before = count("SELECT count(*) FROM merchants");
        for (String bad : new String[] {
            "",
            "{}",
            "{\"name\":\"\"}",
            "{\"name\":\"x\",\"extra\":1}",
            "{\"name\":\"x\",\"webhookUrl\":\"http://10.1.2.3/hook\"}",
            "{\"name\":\"x\",\"webhookUrl\":\"ftp://example.com/\"}"
        }) {
            HttpResponse<String> refused = send("POST", "/admin/v1/merchants", ADMIN_KEY, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(body(refused).get("error").get("code").asString()).isEqualTo("VAL_001");
        }
        assertThat(count("SELECT count(*) FROM merchants")).isEqualTo(before);
        assertThat(send("GET", "/admin/v1/merchants/" + UUID.randomUUID(), ADMIN_KEY, "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(
                                "POST",
                                "/admin/v1/merchants/" + bootstrapMerchantId() + "/api-key/rotate?graceSeconds=-1",
                                ADMIN_KEY,
                                "")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aRotatedApiKeyKeepsThePreviousOneValidForTheGracePeriodOnly() throws Exception {
        JsonNode merchant = createMerchant("{\"name\":\"rotating\"}");
        String id = merchant.get("merchant").get("merchantId").asString();
        String first = merchant.get("apiKey").asString();

        JsonNode rotated = rotate(id, "api-key", 3600);
        String second = rotated.get("apiKey").asString();
        assertThat(rotated.get("previousValidUntil").asString()).isNotBlank();
        assertThat(ordersStatus(first)).isEqualTo(200);
        assertThat(ordersStatus(second)).isEqualTo(200);

        String third = rotate(id, "api-key", 0).get("apiKey").asString();
        assertThat(ordersStatus(first)).isEqualTo(401);
        assertThat(ordersStatus(second)).isEqualTo(401);
        assertThat(ordersStatus(third)).isEqualTo(200);
    }

    @Test
    void aRotatedWebhookSecretSignsWithBothSecretsDuringTheGracePeriod() throws Exception {
        try (MockWebServer endpoint = new MockWebServer()) {
            endpoint.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
            for (int i = 0; i < 10; i++) {
                endpoint.enqueue(new MockResponse.Builder().code(200).build());
            }
            update("UPDATE merchants SET webhook_url = 'http://127.0.0.1:" + endpoint.getPort() + "/hooks' WHERE id = '"
                    + bootstrapMerchantId() + "'");
            String second = rotate(bootstrapMerchantId(), "webhook-secret", 3600)
                    .get("webhookSecret")
                    .asString();

            paidPayment(2100);

            RecordedRequest delivered = endpoint.takeRequest(20, TimeUnit.SECONDS);
            assertThat(delivered).isNotNull();
            ByteString body = delivered.getBody();
            byte[] bytes = body == null ? new byte[0] : body.toByteArray();
            for (String secret : new String[] {FIRST_SECRET, second}) {
                WebhookVerifier verifier =
                        WebhookVerifier.builder().secret(secret).build();
                assertThat(verifier.verify(delivered.getHeaders()::get, bytes).type())
                        .isIn("payment.confirmed", "payment.unknown");
            }
            assertThat(delivered.getHeaders().get("webhook-signature")).contains(" v1,");
        }
    }

    private JsonNode createMerchant(String body) throws Exception {
        HttpResponse<String> created = send("POST", "/admin/v1/merchants", ADMIN_KEY, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("data");
    }

    private JsonNode rotate(String merchantId, String what, long graceSeconds) throws Exception {
        HttpResponse<String> rotated = send(
                "POST",
                "/admin/v1/merchants/" + merchantId + "/" + what + "/rotate?graceSeconds=" + graceSeconds,
                ADMIN_KEY,
                "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        return body(rotated).get("data");
    }

    private int ordersStatus(String apiKey) throws Exception {
        return send("GET", "/api/v1/orders?userId=anyone", apiKey, "").statusCode();
    }

    private static String bootstrapMerchantId() throws Exception {
        return text("SELECT id FROM merchants WHERE name = 'bootstrap'");
    }
}
