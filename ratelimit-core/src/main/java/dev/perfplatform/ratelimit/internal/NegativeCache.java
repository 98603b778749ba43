package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.TimeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Denials answered locally until their retry-after, so a flood on one denied key does not become a flood on the
 * store. Keyed by policy and key; a cached denial answers only requests for at least as many permits as the denied
 * one, and is dropped when the key admits a smaller request or is reset. For the same number of permits the cached
 * answer is exact; for more, its retry-after is a lower bound (never a longer wait than needed) and its remaining
 * count may be lower than the true one. Bounded: when full, expired entries are dropped and new denials are not
 * cached until there is room.
 */
public final class NegativeCache {

    private final int maxEntries;
    private final TimeSource clock;
    private final Map<RateLimitPolicy, Map<String, Entry>> byPolicy = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** A cache of up to {@code maxEntries} denials timed by {@code clock}. */
    public NegativeCache(int maxEntries, TimeSource clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The cached denial for this request, with its waits brought up to date, or null. */
    public @Nullable Decision lookup(RateLimitPolicy policy, String key, long permits) {
        Map<String, Entry> entries = byPolicy.get(policy);
        if (entries == null) {
            return null;
        }
        Entry entry = entries.get(key);
        if (entry == null || permits < entry.permits) {
            return null;
        }
        long now = clock.currentMicros();
        long retry = entry.untilMicros - now;
        if (retry <= 0) {
            if (entries.remove(key, entry)) {
                size.decrementAndGet();
            }
            return null;
        }
        Decision denial = entry.denial;
        long elapsed = now - entry.sinceMicros;
        return Decision.denied(
                policy,
                denial.decidingLimitIndex(),
                permits,
                denial.remaining(),
                Math.max(0, denial.resetAfterMicros() - elapsed),
                retry);
    }

    /** Remembers a denial until its retry-after. */
    public void remember(RateLimitPolicy policy, String key, Decision denial) {
        if (size.get() >= maxEntries && !purgeExpired()) {
            return;
        }
        long now = clock.currentMicros();
        Entry previous = byPolicy.computeIfAbsent(policy, p -> new ConcurrentHashMap<>())
                .put(key, new Entry(now, now + denial.retryAfterMicros(), denial.permits(), denial));
        if (previous == null) {
            size.incrementAndGet();
        }
    }

    /** Forgets any denial of {@code key}. */
    public void forget(RateLimitPolicy policy, String key) {
        if (size.get() == 0) {
            return;
        }
        Map<String, Entry> entries = byPolicy.get(policy);
        if (entries != null && entries.remove(key) != null) {
            size.decrementAndGet();
        }
    }

    /** Entries held now. */
    public int size() {
        return size.get();
    }

    private boolean purgeExpired() {
        long now = clock.currentMicros();
        for (Map<String, Entry> entries : byPolicy.values()) {
            entries.entrySet().removeIf(e -> {
                boolean expired = e.getValue().untilMicros <= now;
                if (expired) {
                    size.decrementAndGet();
                }
                return expired;
            });
        }
        return size.get() < maxEntries;
    }

    private record Entry(long sinceMicros, long untilMicros, long permits, Decision denial) {}
}
