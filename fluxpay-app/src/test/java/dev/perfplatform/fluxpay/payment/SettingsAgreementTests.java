package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.fluxpay.idempotency.IdempotencySettings;
import dev.perfplatform.fluxpay.pg.TossSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SettingsAgreementTests {

    @Test
    void theDefaultsAgree() {
        assertThat(disagreements(Map.of())).isEmpty();
    }

    @Test
    void anIdempotencyLeaseNoLongerThanAPgCallIsRefusedNamingBothSides() {
        assertThat(disagreements(Map.of("fluxpay.idempotency.lease", "23s")))
                .containsExactly("fluxpay.idempotency.lease (23s) must be longer than"
                        + " fluxpay.pg.toss.connect-timeout + fluxpay.pg.toss.read-timeout (3s + 20s = 23s), or a retry"
                        + " takes over the key of a confirm still waiting for the PG");
    }

    @Test
    void aLongerReadTimeoutNeedsALongerLease() {
        assertThat(disagreements(Map.of("fluxpay.pg.toss.read-timeout", "29s")))
                .singleElement()
                .asString()
                .startsWith("fluxpay.idempotency.lease (30s) must be longer than")
                .contains("(3s + 29s = 32s)");
        assertThat(disagreements(Map.of("fluxpay.pg.toss.read-timeout", "26999ms")))
                .isEmpty();
    }

    @Test
    void anInProgressGraceNoLongerThanTheReadTimeoutIsRefusedNamingBothSides() {
        assertThat(disagreements(Map.of("fluxpay.reconciler.in-progress-grace", "20s")))
                .containsExactly("fluxpay.reconciler.in-progress-grace (20s) must be longer than"
                        + " fluxpay.pg.toss.read-timeout (20s), or the reconciler looks up payments whose confirm"
                        + " still waits for the PG's answer");
    }

    @Test
    void everyDisagreementIsReportedAtOnce() {
        assertThat(disagreements(Map.of(
                        "fluxpay.pg.toss.read-timeout", "1500ms",
                        "fluxpay.pg.toss.connect-timeout", "500ms",
                        "fluxpay.idempotency.lease", "2s",
                        "fluxpay.reconciler.in-progress-grace", "1s")))
                .hasSize(2)
                .anySatisfy(lease -> assertThat(lease).contains("(2s)", "(500ms + 1500ms = 2s)"))
                .anySatisfy(grace -> assertThat(grace).contains("(1s)", "read-timeout (1500ms)"));
    }

    private static List<String> disagreements(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(overrides);
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return SettingsAgreement.disagreements(
                binder.bindOrCreate("fluxpay.idempotency", IdempotencySettings.class),
                binder.bindOrCreate("fluxpay.pg.toss", TossSettings.class),
                binder.bindOrCreate("fluxpay.reconciler", ReconcilerSettings.class));
    }
}
