package dev.perfplatform.fluxpay;

import org.springframework.core.env.Environment;

/**
 * The embedded development mode: no database configured ({@code FLUXPAY_DB_URL} unset), so the development build
 * runs on its embedded PostgreSQL, and the other stand-ins default on so README's one command gives a working engine.
 * Outside it every stand-in is off unless chosen.
 */
public final class DevelopmentMode {

    /** Set by the embedded PostgreSQL module while its server is the app's database. */
    static final String EMBEDDED_DATABASE_ACTIVE = "fluxpay.embedded-postgres.active";

    private DevelopmentMode() {}

    /** Whether the app runs in the embedded development mode. */
    public static boolean isActive(Environment environment) {
        return environment.getProperty(EMBEDDED_DATABASE_ACTIVE, Boolean.class, false);
    }
}
