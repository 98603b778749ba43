package dev.perfplatform.jmx.internal.scrape;

import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one scrape got from one target.
 *
 * @param target the target
 * @param families the rules' families, empty when the target is down
 * @param error why the target is down, or null when it is up
 * @param durationSeconds how long the page waited for the target (its deadline when it overran)
 * @param errorsTotal the target's failed scrapes so far, this one included
 */
public record TargetOutcome(
        TargetConfig target,
        List<MetricFamily> families,
        @Nullable String error,
        double durationSeconds,
        long errorsTotal) {

    public TargetOutcome {
        Objects.requireNonNull(target, "target");
        families = List.copyOf(families);
    }

    /** Whether the target answered within its deadline. */
    public boolean up() {
        return error == null;
    }
}
