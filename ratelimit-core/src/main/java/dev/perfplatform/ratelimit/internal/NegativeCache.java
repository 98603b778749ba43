package dev.perfplatform.ratelimit.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.TimeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Denials answered locally until their retry-after, so a flood on one denied key does not become a flood on the
 * store. Keyed by policy and key; a cached denial answers only requests for at least as many permits as the denied
 * one, and is dropped when the key admits a smaller request or is reset. For the same number of permits the cached
 * answer is exact; for more, its retry-after is a lower bound (never a longer wait than needed) and its remaining
 * count may be lower than the true one. Bounded: when full, expired entries are dropped and new denials are not
 * cached until there is room.
 *
 * <p>Lookups read a concurrent map without locking. Changes take one lock and keep the entries also in a heap
 * ordered by expiry, so a full cache finds its expired entries (or that there are none) at the heap's head instead
 * of scanning every entry: a new denial costs O(1) to learn there is no room and O(log n) per entry added or
 * dropped, never O(n), however many distinct keys a flood of denials brings.
 */
public final class NegativeCache {

    private final int maxEntries;
    private final TimeSource clock;
    private final Map<RateLimitPolicy, Map<String, Entry>> byPolicy = new ConcurrentHashMap<>();
    private final ExpiryHeap byExpiry = new ExpiryHeap(); // guarded by itself, as is every change to the maps
    private volatile int size;

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
            synchronized (byExpiry) {
                drop(entry);
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
        Map<String, Entry> entries = byPolicy.computeIfAbsent(policy, p -> new ConcurrentHashMap<>());
        synchronized (byExpiry) {
            long now = clock.currentMicros();
            if (byExpiry.size() >= maxEntries && !dropExpired(now)) {
                return;
            }
            Entry entry = new Entry(entries, key, now, now + denial.retryAfterMicros(), denial.permits(), denial);
            Entry previous = entries.put(key, entry);
            if (previous != null) {
                byExpiry.remove(previous);
            }
            byExpiry.add(entry);
            size = byExpiry.size();
        }
    }

    /** Forgets any denial of {@code key}. */
    public void forget(RateLimitPolicy policy, String key) {
        if (size == 0) {
            return;
        }
        Map<String, Entry> entries = byPolicy.get(policy);
        if (entries == null) {
            return;
        }
        if (entries.get(key) == null) {
            return; // the common case, an admission of a key with no cached denial, takes no lock
        }
        synchronized (byExpiry) {
            Entry entry = entries.get(key); // again: it may have been replaced meanwhile
            if (entry != null) {
                drop(entry);
            }
        }
    }

    /** Entries held now. */
    public int size() {
        return size;
    }

    /** Entries looked at so far to keep the cache in order (heap heads and sift comparisons): its work, for tests. */
    long entriesVisited() {
        synchronized (byExpiry) {
            return byExpiry.visited();
        }
    }

    /** Drops every expired entry, earliest first; true when that made room. The caller holds the lock. */
    private boolean dropExpired(long now) {
        for (ExpiryHeap.Node head = byExpiry.peek(); head != null && head.untilMicros <= now; head = byExpiry.peek()) {
            drop((Entry) head);
        }
        return byExpiry.size() < maxEntries;
    }

    /** Removes {@code entry} from its map and the heap, unless it is already gone. The caller holds the lock. */
    private void drop(Entry entry) {
        entry.owner.remove(entry.key, entry);
        byExpiry.remove(entry);
        size = byExpiry.size();
    }

    /** One cached denial; every entry in a map is in the heap and the other way round. */
    private static final class Entry extends ExpiryHeap.Node {
        final Map<String, Entry> owner;
        final String key;
        final long sinceMicros;
        final long permits;
        final Decision denial;

        Entry(Map<String, Entry> owner, String key, long sinceMicros, long untilMicros, long permits, Decision denial) {
            super(untilMicros);
            this.owner = owner;
            this.key = key;
            this.sinceMicros = sinceMicros;
            this.permits = permits;
            this.denial = denial;
        }
    }
}
