package dev.perfplatform.fluxpay.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.fluxpay.FluxPayApplication;
import dev.perfplatform.testing.sql.PostgresDatabase;
import dev.perfplatform.testing.sql.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The app refuses to start on settings that disagree, and says which. */
@PostgresTest
class SettingsAgreementIntegrationTests {

    @Test
    void anIdempotencyLeaseShorterThanAPgCallStopsTheStartNamingBothProperties(PostgresDatabase database) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(FluxPayApplication.class)
                        .run(
                                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                                "--spring.r2dbc.username=" + database.username(),
                                "--spring.r2dbc.password=" + database.password(),
                                "--fluxpay.pg.mode=simulator",
                                "--fluxpay.bootstrap-merchant.api-key=sk_test_agreement_0123456789abcdef",
                                "--server.port=0",
                                "--management.server.port=0",
                                "--fluxpay.pg.toss.read-timeout=40s",
                                "--fluxpay.reconciler.in-progress-grace=2m")
                        .close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("fluxpay.idempotency.lease (30s) must be longer than fluxpay.pg.toss.connect-timeout"
                        + " + fluxpay.pg.toss.read-timeout (3s + 40s = 43s), or a retry takes over the key of a"
                        + " confirm still waiting for the PG");
    }
}
