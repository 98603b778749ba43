package dev.perfplatform.fluxpay.pg;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Resolves the {@link PgMode} once at start-up and refuses a mode whose settings are missing or contradictory. */
@Configuration(proxyBeanMethods = false)
class PgConfiguration {

    @Bean
    PgMode pgMode(Environment environment, TossSettings toss) {
        PgMode mode = PgMode.of(environment);
        boolean hasBaseUrl = toss.configuredBaseUrl() != null;
        boolean hasSecretKey = toss.secretKey() != null && !toss.secretKey().isBlank();
        if (mode == PgMode.TOSS && (!hasBaseUrl || !hasSecretKey)) {
            throw new IllegalStateException(
                    "FLUXPAY_PG_MODE=toss needs FLUXPAY_TOSS_BASE_URL (fluxpay.pg.toss.base-url,"
                            + " e.g. https://api.tosspayments.com/v1) and FLUXPAY_TOSS_SECRET_KEY (fluxpay.pg.toss.secret-key);"
                            + " missing: " + (hasBaseUrl ? "" : "base URL ") + (hasSecretKey ? "" : "secret key"));
        }
        if (mode == PgMode.SIMULATOR && hasBaseUrl) {
            throw new IllegalStateException("FLUXPAY_TOSS_BASE_URL is set but the PG mode is simulator, which always"
                    + " calls this app's own /sim/v1: set FLUXPAY_PG_MODE=toss to use it, or unset it");
        }
        return mode;
    }
}
