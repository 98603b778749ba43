package dev.perfplatform.payment.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.payment.client.model.Payment;
import dev.perfplatform.payment.client.model.PaymentStatus;
import dev.perfplatform.payment.client.model.Refund;
import dev.perfplatform.payment.client.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerifierTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final WebhookSecret CURRENT = WebhookSecret.generate();
    private static final WebhookSecret PREVIOUS = WebhookSecret.generate();
    private static final byte[] EVENT = """
            {"type":"payment.confirmed","timestamp":"2026-03-01T11:59:58Z","data":{"paymentId":"pay_1",
             "orderId":"ord_1","status":"DONE","amount":9900,"currency":"KRW","paymentKey":"pk_1"}}""".getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = WebhookVerifier.builder()
            .secret(CURRENT)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    @Test
    void verifiesAFluxPayEventAndReturnsItWithItsWebhookId() {
        WebhookHeaders headers = WebhookSigner.of(List.of(CURRENT)).sign("msg_1", NOW, EVENT);

        WebhookEvent event = verifier.verify(caseInsensitive(headers.asMap())::get, EVENT);

        assertThat(event.webhookId()).isEqualTo("msg_1");
        assertThat(event.type()).isEqualTo(WebhookEventTypes.PAYMENT_CONFIRMED);
        assertThat(event.attemptedAt()).isEqualTo(NOW);
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-03-01T11:59:58Z"));
        Payment payment = event.dataAs(Payment.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DONE);
        assertThat(payment.amount()).isEqualTo(9_900);
    }

    @Test
    void acceptsEitherSecretDuringARotation() {
        WebhookHeaders rotating = WebhookSigner.of(List.of(CURRENT, PREVIOUS)).sign("msg_1", NOW, EVENT);
        WebhookVerifier old = WebhookVerifier.builder()
                .secret(PREVIOUS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        assertThat(rotating.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(verifier.verify(rotating, EVENT).webhookId()).isEqualTo("msg_1");
        assertThat(old.verify(rotating, EVENT).webhookId()).isEqualTo("msg_1");
        WebhookHeaders signedByPrevious = WebhookSigner.of(List.of(PREVIOUS)).sign("msg_2", NOW, EVENT);
        WebhookVerifier both = WebhookVerifier.builder()
                .secret(CURRENT)
                .secret(PREVIOUS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        assertThat(both.verify(signedByPrevious, EVENT).webhookId()).isEqualTo("msg_2");
    }

    @Test
    void skipsOtherSchemesAndMalformedSignatures() {
        String good =
                WebhookSigner.of(List.of(CURRENT)).sign("msg_1", NOW, EVENT).signature();
        WebhookHeaders headers = new WebhookHeaders(
                "msg_1", Long.toString(NOW.getEpochSecond()), "v1a,AAAA v1,!!notbase64!! v2,xyz  " + good);

        assertThat(verifier.verify(headers, EVENT).webhookId()).isEqualTo("msg_1");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300, 0})
    void acceptsTimestampsWithinFiveMinutesEitherWay(long offsetSeconds) {
        WebhookHeaders headers =
                WebhookSigner.of(List.of(CURRENT)).sign("msg_1", NOW.plusSeconds(offsetSeconds), EVENT);

        assertThat(verifier.verify(headers, EVENT).webhookId()).isEqualTo("msg_1");
    }

    @Test
    void rejectsTimestampsMoreThanFiveMinutesAwayEvenWithAValidSignature() {
        WebhookSigner signer = WebhookSigner.of(List.of(CURRENT));

        assertThat(reason(signer.sign("msg_1", NOW.minusSeconds(301), EVENT), EVENT))
                .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
        assertThat(reason(signer.sign("msg_1", NOW.plusSeconds(301), EVENT), EVENT))
                .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void appliesAConfiguredTolerance() {
        WebhookVerifier strict = WebhookVerifier.builder()
                .secret(CURRENT)
                .tolerance(Duration.ofSeconds(10))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        assertThatThrownBy(() -> strict.verify(
                        WebhookSigner.of(List.of(CURRENT)).sign("msg_1", NOW.minusSeconds(11), EVENT), EVENT))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void rejectsAnotherSecretATamperedBodyAndAReusedSignatureUnderAnotherId() {
        WebhookHeaders headers = WebhookSigner.of(List.of(PREVIOUS)).sign("msg_1", NOW, EVENT);
        WebhookHeaders mine = WebhookSigner.of(List.of(CURRENT)).sign("msg_1", NOW, EVENT);
        byte[] reformatted =
                new String(EVENT, StandardCharsets.UTF_8).replace("\":", "\": ").getBytes(StandardCharsets.UTF_8);

        assertThat(reason(headers, EVENT)).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(reason(mine, reformatted)).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
        assertThat(reason(new WebhookHeaders("msg_2", mine.timestamp(), mine.signature()), EVENT))
                .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    }

    @Test
    void namesAMissingHeader() {
        Map<String, String> headers = new TreeMap<>(
                WebhookSigner.of(List.of(CURRENT)).sign("msg_1", NOW, EVENT).asMap());
        headers.remove(WebhookHeaders.SIGNATURE);

        assertThatThrownBy(() -> verifier.verify(headers::get, EVENT))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER))
                .hasMessage("missing header webhook-signature");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "soon",
                "",
                "-1614265330",
                "-1",
                "+1772366400",
                "1.5",
                "1e9",
                " 1772366400",
                "١٧٧٢٣٦٦٤٠٠", // Arabic-Indic digits: Character.isDigit, but not what Standard Webhooks sends
                "9223372036854775808", // Long.MAX_VALUE + 1
                "99999999999999999999",
                "999999999999999999999999999999"
            })
    void rejectsATimestampThatIsNotUnixSeconds(String timestamp) {
        assertThat(reason(new WebhookHeaders("msg_1", timestamp, "v1,AAAA"), EVENT))
                .isEqualTo(Reason.INVALID_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "99999999999999999", // past Instant.MAX: Instant.ofEpochSecond threw DateTimeException
                "31556889864403200", // Instant.MAX + 1 s
                "31556889864403199", // Instant.MAX itself
                "9223372036854775807" // Long.MAX_VALUE
            })
    void rejectsATimestampBeyondAnyRepresentableDateAsTooNew(String timestamp) {
        assertThat(reason(new WebhookHeaders("msg_1", timestamp, "v1,AAAA"), EVENT))
                .isEqualTo(Reason.TIMESTAMP_TOO_NEW);
    }

    @Test
    void comparesWithAToleranceOfAnySizeWithoutOverflow() {
        WebhookVerifier lenient = WebhookVerifier.builder()
                .secret(CURRENT)
                .tolerance(Duration.ofSeconds(Long.MAX_VALUE))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        WebhookSigner signer = WebhookSigner.of(List.of(CURRENT));

        assertThat(lenient.verify(signer.sign("msg_1", Instant.EPOCH, EVENT), EVENT)
                        .attemptedAt())
                .isEqualTo(Instant.EPOCH);
        WebhookHeaders farFuture = signer.sign("msg_2", Instant.MAX, EVENT);
        assertThat(lenient.verify(farFuture, EVENT).webhookId()).isEqualTo("msg_2");
    }

    @Test
    void aValidSignatureOverSomethingThatIsNotAnEventIsAnInvalidPayload() {
        byte[] notAnEvent = "{\"hello\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "hello".getBytes(StandardCharsets.UTF_8);
        WebhookSigner signer = WebhookSigner.of(List.of(CURRENT));

        assertThat(reason(signer.sign("msg_1", NOW, notAnEvent), notAnEvent)).isEqualTo(Reason.INVALID_PAYLOAD);
        assertThat(reason(signer.sign("msg_1", NOW, notJson), notJson)).isEqualTo(Reason.INVALID_PAYLOAD);
        WebhookEvent event = verifier.verify(signer.sign("msg_1", NOW, EVENT), EVENT);
        assertThatThrownBy(() -> event.dataAs(Refund.class))
                .isInstanceOfSatisfying(
                        WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    }

    @Test
    void secretsAreCheckedAndNeverPrinted() {
        WebhookSecret secret = WebhookSecret.generate();

        assertThat(secret.toString()).doesNotContain(secret.serialized().substring(6));
        assertThat(WebhookSecret.parse(secret.serialized()).serialized()).isEqualTo(secret.serialized());
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_dG9vc2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not*base64*at*all*but*long*enough*xx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret must be whsec_ followed by base64");
        assertThatThrownBy(() -> WebhookVerifier.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSigner.of(List.of(CURRENT)).sign("msg.1", NOW, EVENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WebhookSigner.newWebhookId()).matches("msg_[0-9a-f]{32}");
    }

    private Reason reason(WebhookHeaders headers, byte[] body) {
        try {
            verifier.verify(headers, body);
        } catch (WebhookVerificationException e) {
            return e.reason();
        }
        throw new AssertionError("verification passed");
    }

    private static Map<String, String> caseInsensitive(Map<String, String> headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> map.put(name.toUpperCase(Locale.ROOT), value));
        return map;
    }
}
