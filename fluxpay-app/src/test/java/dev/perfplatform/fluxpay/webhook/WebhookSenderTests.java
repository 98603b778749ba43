package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.payment.client.webhook.WebhookVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** One attempt on the wire, without the app: what is sent, and the guard inside the HTTP client. */
class WebhookSenderTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final byte[] BODY =
            "{\"type\":\"payment.confirmed\",\"timestamp\":\"2025-06-01T10:00:00Z\",\"data\":{\"amount\":1}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final WebhookSettings settings = new Binder(new MapConfigurationPropertySource(
                    Map.of("fluxpay.webhooks.allowed-hosts", "127.0.0.1", "fluxpay.webhooks.timeout", "2s")))
            .bindOrCreate("fluxpay.webhooks", WebhookSettings.class);
    private MockWebServer merchant;

    @BeforeEach
    void start() throws Exception {
        merchant = new MockWebServer();
        merchant.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
    }

    @AfterEach
    void stop() {
        merchant.close();
    }

    @Test
    void postsTheExactBytesSignedAtTheClocksTime() throws Exception {
        merchant.enqueue(new MockResponse.Builder().code(200).build());
        WebhookSender sender = new WebhookSender(new WebhookUrlGuard(settings), settings, CLOCK);

        AttemptResult result =
                sender.send(url("127.0.0.1"), List.of(SECRET), "msg_abc", BODY).block();

        assertThat(result.kind()).isEqualTo(AttemptResult.Kind.DELIVERED);
        RecordedRequest request = merchant.takeRequest();
        assertThat(request.getBody().toByteArray()).isEqualTo(BODY);
        assertThat(request.getHeaders().get("webhook-id")).isEqualTo("msg_abc");
        assertThat(request.getHeaders().get("webhook-timestamp")).isEqualTo("1748772000");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("FluxPay-Webhooks/1");
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(SECRET).clock(CLOCK).build();
        assertThat(verifier.verify(request.getHeaders()::get, BODY).webhookId()).isEqualTo("msg_abc");
    }

    @Test
    void aNameRepointedAfterTheCheckIsRefusedByTheClientsResolver() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookUrlGuard rebinding = new WebhookUrlGuard(settings) {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                if (lookups.incrementAndGet() == 1) {
                    return List.of(InetAddress.getByName("93.184.216.34")); // public when checked...
                }
                return super.resolve(host); // ...loopback when connected to
            }
        };
        WebhookSender sender = new WebhookSender(rebinding, settings, CLOCK);

        AttemptResult result =
                sender.send(url("localhost"), List.of(SECRET), "msg_abc", BODY).block(Duration.ofSeconds(10));

        assertThat(lookups.get()).isGreaterThanOrEqualTo(2);
        assertThat(result.kind()).isEqualTo(AttemptResult.Kind.REFUSED);
        assertThat(result.error()).contains("loopback");
        assertThat(merchant.getRequestCount()).isZero();
    }

    private String url(String host) {
        return "http://" + host + ":" + merchant.getPort() + "/webhooks";
    }
}
