package dev.perfplatform.jmx.bench;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard error, so a long run shows where it is. */
final class Log {

    private Log() {}

    static void line(String message) {
        System.err.println(
                "[jmx-bench " + LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
