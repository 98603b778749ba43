package dev.perfplatform.fluxpay.webhook;

import dev.perfplatform.fluxpay.FluxPayApplicationTestBase;
import dev.perfplatform.fluxpay.MutableClock;
import dev.perfplatform.payment.client.webhook.WebhookEvent;
import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.net.InetAddress;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the webhook tests: the app with a movable clock, the bootstrap merchant's webhooks signed with
 * {@value #SECRET} and sent to a fresh {@link MockWebServer} on 127.0.0.1 per test (the allowlisted host), and the
 * leftovers of earlier tests in the class taken out of the queue.
 */
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {
            "fluxpay.webhooks.allowed-hosts=127.0.0.1",
            "fluxpay.webhooks.timeout=1s",
            "fluxpay.webhooks.connect-timeout=1s",
            "fluxpay.webhooks.lease=1m",
            "fluxpay.bootstrap-merchant.webhook-secret=" + WebhookIntegrationTestBase.SECRET,
            "fluxpay.reconciler.enabled=false"
        })
abstract class WebhookIntegrationTestBase extends FluxPayApplicationTestBase {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String BOOTSTRAP_MERCHANT = "api_key_hash = sha256(convert_to('" + MERCHANT_KEY + "', 'UTF8'))";

    @Autowired
    MutableClock clock;

    MockWebServer merchant;

    @BeforeEach
    void startMerchantEndpoint() throws Exception {
        merchant = new MockWebServer();
        merchant.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        pointWebhooksAt("http://127.0.0.1:" + merchant.getPort() + "/webhooks");
        update("UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, lease_until = NULL,"
                + " lease_token = NULL WHERE status IN ('PENDING', 'DELIVERING')");
    }

    @AfterEach
    void stopMerchantEndpoint() {
        merchant.close();
    }

    static void pointWebhooksAt(String url) throws Exception {
        update("UPDATE merchants SET webhook_url = '" + url + "', webhook_disabled_at = NULL WHERE "
                + BOOTSTRAP_MERCHANT);
    }

    /** The merchant's verifier, on the app's clock. */
    WebhookVerifier verifier() {
        return WebhookVerifier.builder().secret(SECRET).clock(clock).build();
    }

    /** Verifies a delivered request as the merchant would, and reads its event. */
    WebhookEvent verified(RecordedRequest request) {
        return verifier().verify(request.getHeaders()::get, body(request));
    }

    static byte[] body(RecordedRequest request) {
        ByteString body = request.getBody();
        return body == null ? new byte[0] : body.toByteArray();
    }
}
