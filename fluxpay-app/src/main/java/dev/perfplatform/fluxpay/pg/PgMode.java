package dev.perfplatform.fluxpay.pg;

import dev.perfplatform.fluxpay.DevelopmentMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which PG the engine pays through, {@code fluxpay.pg.mode} ({@code FLUXPAY_PG_MODE}): {@code toss} (TossPayments,
 * {@code FLUXPAY_TOSS_BASE_URL} and {@code FLUXPAY_TOSS_SECRET_KEY} required) or {@code simulator} (the built-in
 * stand-in under {@code /sim}: any payer's checkout succeeds, so never in production). Unset, it is {@code simulator}
 * in the embedded development mode and a start-up failure otherwise: a deployment says which one it means.
 */
public enum PgMode {
    TOSS,
    SIMULATOR;

    /** The property that chooses the mode. */
    public static final String PROPERTY = "fluxpay.pg.mode";

    /** The mode {@code environment} chooses; fails, saying what to set, when it chooses none or an unknown one. */
    public static PgMode of(Environment environment) {
        String configured = environment.getProperty(PROPERTY, "").trim();
        if (configured.isEmpty()) {
            if (DevelopmentMode.isActive(environment)) {
                return SIMULATOR;
            }
            throw new IllegalStateException("Set FLUXPAY_PG_MODE (" + PROPERTY + ") to " + accepted()
                    + ": with a database configured (FLUXPAY_DB_URL) the engine does not choose a PG for you."
                    + " 'toss' needs FLUXPAY_TOSS_BASE_URL and FLUXPAY_TOSS_SECRET_KEY; 'simulator' approves any"
                    + " payer's checkout and is for development and tests only.");
        }
        try {
            return valueOf(configured.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(
                    "FLUXPAY_PG_MODE (" + PROPERTY + ") is '" + configured + "'; accepted: " + accepted());
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String accepted() {
        return Arrays.stream(values()).map(PgMode::toString).collect(Collectors.joining(" or "));
    }

    /** Matches when the simulator is the PG; a missing or invalid mode does not match (start-up fails elsewhere). */
    public static final class SimulatorSelected implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            try {
                return of(context.getEnvironment()) == SIMULATOR;
            } catch (IllegalStateException e) {
                return false;
            }
        }
    }
}
