package dev.perfplatform.fluxpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Runs the flows that log most (start-up, confirm, lost answers, refunds, bad keys) and reads every line logged. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "fluxpay.pg.toss.secret-key=test_sk_log_hygiene_4242",
            "fluxpay.pg.toss.read-timeout=1s",
            "fluxpay.simulator.timeout-delay=2s",
            "logging.level.dev.perfplatform=DEBUG"
        })
class LogHygieneIntegrationTests extends FluxPayApplicationTestBase {

    /** 13-19 digits, maybe grouped by spaces or dashes, not inside a longer hex run such as a UUID. */
    private static final Pattern CARD_LIKE = Pattern.compile("(?<![\\dA-Fa-f-])(?:\\d[ -]?){13,19}(?![\\dA-Fa-f-])");

    @Test
    void noKeySecretOrCardNumberIsEverLogged(CapturedOutput output) throws Exception {
        JsonNode paid = paidPayment(9900);
        post(
                "/api/v1/refunds",
                "{\"paymentId\":\"" + paymentId(paid) + "\",\"amount\":1000,\"reason\":\"card 4111111111111111\"}");
        JsonNode lost = createPayment(5000);
        confirm(lost, checkout(lost, "TIMEOUT_AFTER_COMMIT"), 5000);
        JsonNode declined = createPayment(3000);
        confirm(declined, checkout(declined, "DECLINE"), 3000);
        send("GET", "/api/v1/orders", "sk_live_stolen_key_9999", "");
        post("/api/v1/orders", "{\"userId\":\"u\",\"card\":\"4111 1111 1111 1111\"}");

        String logged = output.getAll();
        assertThat(logged).isNotBlank();
        assertThat(logged)
                .doesNotContain(MERCHANT_KEY)
                .doesNotContain("test_sk_log_hygiene_4242")
                .doesNotContain("sk_live_stolen_key_9999")
                .doesNotContain(text("SELECT webhook_secret FROM merchants WHERE name = 'bootstrap'")
                        .substring("whsec_".length()));
        for (String pgSecret :
                text("SELECT string_agg(secret, ' ') FROM sim_payments").split(" ")) {
            assertThat(logged).as("the PG's per-payment secret").doesNotContain(pgSecret);
        }
        assertThat(CARD_LIKE
                        .matcher(logged)
                        .results()
                        .map(match -> match.group())
                        .toList())
                .isEmpty();
    }
}
