package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Starting the target JVMs of a scenario: 1,000 generated attributes each, the run's target flags. */
final class Targets {

    private Targets() {}

    /** One target, optionally slowed: every read of {@code test:type=Slow} then sleeps this long. */
    static TargetJvm startOne(BenchSettings settings, long slowMillis) throws IOException {
        TargetJvm.Builder builder = TargetJvm.builder().attributes(BenchRules.GENERATED);
        settings.targetFlags().forEach(builder::jvmOption);
        if (slowMillis > 0) {
            builder.slowMillis(slowMillis);
        }
        return builder.start();
    }

    /** Several plain targets; on a failure the started ones are closed. */
    static List<TargetJvm> startMany(BenchSettings settings, int count) throws IOException {
        List<TargetJvm> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(startOne(settings, 0));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
        return started;
    }

    static void closeAll(List<TargetJvm> targets) {
        targets.forEach(TargetJvm::close);
    }
}
