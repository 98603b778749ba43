package dev.perfplatform.fluxpay.standin;

import dev.perfplatform.fluxpay.DevelopmentMode;
import dev.perfplatform.fluxpay.pg.PgMode;
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
    private static final String DEVELOPMENT_MODE = "the embedded development mode (FLUXPAY_DB_URL unset)";

    private final List<StandIn> inUse;

    public StandIns(Environment environment, PgMode pgMode) {
        boolean development = DevelopmentMode.isActive(environment);
        List<StandIn> standIns = new ArrayList<>();
        if (development) {
            standIns.add(new StandIn(
                    "embedded PostgreSQL",
                    "spring.r2dbc.url (FLUXPAY_DB_URL)",
                    DEVELOPMENT_MODE,
                    "not durable: fsync off, one local process, development builds only"));
        }
        if (pgMode == PgMode.SIMULATOR) {
            boolean chosen = !environment.getProperty(PgMode.PROPERTY, "").isBlank();
            standIns.add(new StandIn(
                    "PG simulator",
                    PgMode.PROPERTY + " (FLUXPAY_PG_MODE)",
                    chosen ? "FLUXPAY_PG_MODE=simulator" : DEVELOPMENT_MODE,
                    "unauthenticated /sim/checkout approves any payment: no payer, no money moves"));
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
        banner.append("STAND-INS IN USE: this fluxpay is for development and tests, never for real payments\n");
        for (StandIn standIn : inUse) {
            banner.append(" - ")
                    .append(standIn.name())
                    .append(" (")
                    .append(standIn.property())
                    .append(", chosen by ")
                    .append(standIn.chosenBy())
                    .append("): ")
                    .append(standIn.risk())
                    .append('\n');
        }
        banner.append("Production: FLUXPAY_DB_URL and FLUXPAY_PG_MODE=toss with FLUXPAY_TOSS_BASE_URL and"
                        + " FLUXPAY_TOSS_SECRET_KEY.\n")
                .append(RULE);
        log.warn(banner.toString());
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("standIns", inUse);
    }
}
