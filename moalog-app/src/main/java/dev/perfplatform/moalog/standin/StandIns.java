package dev.perfplatform.moalog.standin;

import dev.perfplatform.moalog.ai.Analyst;
import dev.perfplatform.moalog.auth.CookieSettings;
import dev.perfplatform.moalog.auth.DevLoginController;
import dev.perfplatform.moalog.security.TokenCodec;
import dev.perfplatform.moalog.sim.ProviderSimulator;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Lists the stand-ins in use, warns about them once the app has started, and shows them in {@code /actuator/info}. */
@Component
public class StandIns implements InfoContributor, ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StandIns.class);
    private static final String RULE = "*".repeat(100);

    /** Set by the moalog-embedded-mariadb module while its server is the app's database. */
    static final String EMBEDDED_DATABASE_ACTIVE = "moalog.embedded-mariadb.active";

    private final List<StandIn> inUse;

    public StandIns(Environment environment, TokenCodec tokens, CookieSettings cookies, Analyst analyst) {
        List<StandIn> standIns = new ArrayList<>();
        if (environment.getProperty(EMBEDDED_DATABASE_ACTIVE, Boolean.class, false)) {
            standIns.add(new StandIn(
                    "embedded MariaDB",
                    "spring.r2dbc.url (MOALOG_DB_URL unset)",
                    "not durable, one local process, development builds only; the stand-ins below default on with it"));
        }
        if (environment.getProperty(ProviderSimulator.PROPERTY, Boolean.class, false)) {
            standIns.add(new StandIn(
                    "OAuth provider simulator",
                    ProviderSimulator.PROPERTY + " (MOALOG_PROVIDER_SIMULATOR)",
                    "Kakao and Google logins go to /sim/oauth on this app, which signs anyone in as any e-mail"));
        }
        if (analyst.offline()) {
            standIns.add(new StandIn(
                    "offline AI model",
                    "moalog.ai.offline (MOALOG_AI_OFFLINE)",
                    "analyses and guides are made from the answers by rule, not by a model: marked \"offline\": true"));
        }
        if (environment.getProperty(DevLoginController.PROPERTY, Boolean.class, false)) {
            standIns.add(new StandIn(
                    "development login",
                    DevLoginController.PROPERTY + " (MOALOG_DEV_LOGIN)",
                    "POST /api/auth/login/email signs in any member by e-mail alone"));
        }
        if (tokens.generatedKey()) {
            standIns.add(new StandIn(
                    "generated JWT key",
                    "moalog.jwt.generate-secret (MOALOG_GENERATE_JWT_SECRET)",
                    "a random key per process: tokens die with it and no two instances accept each other's"));
        }
        if (!cookies.secure()) {
            standIns.add(new StandIn(
                    "cookies without Secure",
                    "moalog.cookies.secure (MOALOG_SECURE_COOKIES)",
                    "tokens travel over plain HTTP"));
        }
        this.inUse = List.copyOf(standIns);
    }

    /** The stand-ins in use, in a fixed order. */
    public List<StandIn> inUse() {
        return inUse;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (inUse.isEmpty()) {
            return;
        }
        StringBuilder banner = new StringBuilder("\n").append(RULE).append('\n');
        banner.append("STAND-INS IN USE: this moalog is for development and tests, never for real members\n");
        for (StandIn standIn : inUse) {
            banner.append(" - ")
                    .append(standIn.name())
                    .append(" (")
                    .append(standIn.property())
                    .append("): ")
                    .append(standIn.risk())
                    .append('\n');
        }
        banner.append(RULE);
        log.warn(banner.toString());
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("standIns", inUse);
    }
}
