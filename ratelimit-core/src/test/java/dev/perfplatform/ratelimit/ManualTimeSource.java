package dev.perfplatform.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; sleeping advances it instead of waiting. */
public final class ManualTimeSource implements TimeSource {

    private final AtomicLong micros;

    /** Starts at a realistic epoch time in microseconds (2026-01-01), so big values are exercised. */
    public ManualTimeSource() {
        this(1_767_225_600_000_000L);
    }

    public ManualTimeSource(long startMicros) {
        this.micros = new AtomicLong(startMicros);
    }

    @Override
    public long currentMicros() {
        return micros.get();
    }

    @Override
    public void sleepMicros(long duration) {
        advanceMicros(duration);
    }

    public void advance(Duration duration) {
        advanceMicros(duration.toNanos() / 1_000);
    }

    public void advanceMicros(long duration) {
        micros.addAndGet(duration);
    }
}
