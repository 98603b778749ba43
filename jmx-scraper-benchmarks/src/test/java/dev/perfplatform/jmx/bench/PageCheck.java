package dev.perfplatform.jmx.bench;

import org.jspecify.annotations.Nullable;

/** What makes an answer right; a wrong answer is a failure and its time is not recorded. */
@FunctionalInterface
interface PageCheck {

    /** Any page that came with a 200 (for answers that are not Prometheus pages). */
    PageCheck ANY = stats -> null;

    /** The problem with this page, or null when it is right. */
    @Nullable
    String problem(PageStats stats);

    /** Exactly {@code generated} series from the generated-attributes rule and {@code down} targets at up 0. */
    static PageCheck expecting(int generated, long down) {
        return stats -> {
            if (stats.generated() != generated) {
                return "expected " + generated + " test_generated series, got " + stats.generated();
            }
            if (stats.down() != down) {
                return "expected " + down + " targets at up 0, got " + stats.up();
            }
            return null;
        };
    }
}
