package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.util.List;

/**
 * Combines the steps of a policy's limits into one decision: denied when any limit denies (reporting the one with the
 * longest wait), else admitted (reporting the one with the fewest permits left).
 */
public final class Decisions {

    private Decisions() {}

    /** Whether every one of the first {@code count} steps admits the request. */
    public static boolean allAllow(Step[] steps, int count) {
        for (int i = 0; i < count; i++) {
            if (!steps[i].allowed) {
                return false;
            }
        }
        return true;
    }

    /** The decision for {@code permits} given one step per limit of {@code policy}. */
    public static Decision combine(RateLimitPolicy policy, long permits, Step[] steps) {
        List<Limit> limits = policy.limits();
        boolean allowed = allAllow(steps, limits.size());
        int deciding = limits.size() == 1 ? 0 : -1;
        for (int i = deciding + 1; i < limits.size(); i++) {
            boolean better = allowed
                    ? deciding < 0 || steps[i].remaining < steps[deciding].remaining
                    : !steps[i].allowed
                            && (deciding < 0 || retryMicros(limits, steps, i) > retryMicros(limits, steps, deciding));
            if (better) {
                deciding = i;
            }
        }
        Step step = steps[deciding];
        long resolution = limits.get(deciding).resolutionMicros();
        long reset = step.resetTicks * resolution;
        return allowed
                ? Decision.allowed(policy, deciding, permits, step.remaining, reset)
                : Decision.denied(policy, deciding, permits, step.remaining, reset, step.retryTicks * resolution);
    }

    private static long retryMicros(List<Limit> limits, Step[] steps, int index) {
        return steps[index].retryTicks * limits.get(index).resolutionMicros();
    }
}
