package dev.perfplatform.payment.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The example published with the Standard Webhooks specification and used by its reference libraries. */
class StandardWebhooksVectorTests {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String TIMESTAMP = "1614265330";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Clock AT_VECTOR = Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC);

    @Test
    void theSignerProducesThePublishedSignature() {
        WebhookHeaders headers = WebhookSigner.of(SECRET).sign(ID, Instant.ofEpochSecond(1614265330), BODY);

        assertThat(headers).isEqualTo(new WebhookHeaders(ID, TIMESTAMP, SIGNATURE));
    }

    @Test
    void theVerifierAcceptsThePublishedSignature() {
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(SECRET).clock(AT_VECTOR).build();

        assertThat(verifier.verifySignature(new WebhookHeaders(ID, TIMESTAMP, SIGNATURE), BODY))
                .isEqualTo(Instant.ofEpochSecond(1614265330));
    }

    @Test
    void theVerifierAcceptsTheSecretWithoutItsPrefix() {
        WebhookVerifier verifier = WebhookVerifier.builder()
                .secret(SECRET.substring("whsec_".length()))
                .clock(AT_VECTOR)
                .build();

        assertThat(verifier.verifySignature(new WebhookHeaders(ID, TIMESTAMP, SIGNATURE), BODY))
                .isNotNull();
    }

    @Test
    void theVerifierRejectsTheVectorWithOneByteChanged() {
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(SECRET).clock(AT_VECTOR).build();
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verifySignature(new WebhookHeaders(ID, TIMESTAMP, SIGNATURE), tampered))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(WebhookVerificationException.Reason.NO_MATCHING_SIGNATURE));
        assertThatThrownBy(() -> verifier.verifySignature(new WebhookHeaders("msg_other", TIMESTAMP, SIGNATURE), BODY))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theVectorIsTooOldToday() {
        assertThatThrownBy(() ->
                        WebhookVerifier.of(SECRET).verifySignature(new WebhookHeaders(ID, TIMESTAMP, SIGNATURE), BODY))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.TIMESTAMP_TOO_OLD));
    }
}
