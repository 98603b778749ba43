package dev.perfplatform.fluxpay.payment;

import dev.perfplatform.fluxpay.idempotency.IdempotencySettings;
import dev.perfplatform.fluxpay.pg.TossSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Stops the start when settings of different groups that bound one another disagree, naming both properties and their
 * values: the idempotency lease must outlast a PG call (connect + read timeout), or a retry takes over the key of a
 * confirm still waiting for the PG and sends a second one; the reconciler's in-progress grace must outlast the read
 * timeout, or it looks up payments whose confirm is still waiting for its answer. Each group checks its own settings
 * where it binds them (e.g. {@code WebhookSettings}).
 */
@Component
class SettingsAgreement {

    SettingsAgreement(IdempotencySettings idempotency, TossSettings toss, ReconcilerSettings reconciler) {
        List<String> disagreements = disagreements(idempotency, toss, reconciler);
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException(String.join("; ", disagreements));
        }
    }

    /** What disagrees, one sentence each; empty when everything agrees. */
    static List<String> disagreements(
            IdempotencySettings idempotency, TossSettings toss, ReconcilerSettings reconciler) {
        List<String> found = new ArrayList<>();
        Duration pgCall = toss.connectTimeout().plus(toss.readTimeout());
        if (idempotency.lease().compareTo(pgCall) <= 0) {
            found.add("fluxpay.idempotency.lease (" + shown(idempotency.lease())
                    + ") must be longer than fluxpay.pg.toss.connect-timeout + fluxpay.pg.toss.read-timeout ("
                    + shown(toss.connectTimeout()) + " + " + shown(toss.readTimeout()) + " = " + shown(pgCall)
                    + "), or a retry takes over the key of a confirm still waiting for the PG");
        }
        if (reconciler.inProgressGrace().compareTo(toss.readTimeout()) <= 0) {
            found.add("fluxpay.reconciler.in-progress-grace (" + shown(reconciler.inProgressGrace())
                    + ") must be longer than fluxpay.pg.toss.read-timeout (" + shown(toss.readTimeout())
                    + "), or the reconciler looks up payments whose confirm still waits for the PG's answer");
        }
        return found;
    }

    /** A duration as it is written in {@code application.yaml}: {@code 20s}, {@code 1500ms}. */
    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
