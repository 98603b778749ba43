package dev.perfplatform.ratelimit;

import java.time.Instant;

/** The default {@link TimeSource}. */
final class SystemTimeSource implements TimeSource {
    static final SystemTimeSource INSTANCE = new SystemTimeSource();

    private final long originMicros;
    private final long originNanos;

    private SystemTimeSource() {
        Instant now = Instant.now();
        this.originNanos = System.nanoTime();
        this.originMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    @Override
    public long currentMicros() {
        return originMicros + (System.nanoTime() - originNanos) / 1_000;
    }
}
