package dev.perfplatform.ratelimit.memory;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.RateLimiterEngine;
import dev.perfplatform.ratelimit.TimeSource;
import dev.perfplatform.ratelimit.internal.DecisionStore;
import dev.perfplatform.ratelimit.internal.DefaultRateLimiter;
import dev.perfplatform.ratelimit.internal.InMemoryEngineAccess;
import dev.perfplatform.ratelimit.internal.Step;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Limiter state in this JVM. Decisions on the counter algorithms update a key's state words in place under a stamp
 * (a sequence lock: a denial only reads, an admission is one compare-and-set, and a decision allocates nothing but
 * its {@link Decision}); a policy with a sliding window log locks per key. Memory is bounded:
 *
 * <ul>
 *   <li>keys whose state is back to that of an unknown key (a full bucket, an expired window) are dropped by a sweep
 *       that starts every {@link Builder#sweepInterval(Duration) sweep interval} and walks the keys in steps of
 *       {@value #SWEEP_STEP}, one step after each new key's first decision, until it has looked at as many keys as
 *       there were when it started; dropping them changes no decision. No caller pays for a walk of every key: a
 *       new key costs at most one step, whatever the number of keys, and a pass keeps ahead of the keys it sweeps
 *       for, as each new key moves it {@value #SWEEP_STEP} keys on;
 *   <li>at {@link Builder#maxKeys(int) maxKeys}, evicting begins: each new key then evicts up to two keys, until
 *       the count is back at 90% of the cap, so the count never stays above the cap (it can pass it only by the new
 *       keys of decisions running at that same moment). The two come from a sample of 16 keys, taken in turn from
 *       all keys: fresh keys of the sample go first, then the least recently used of the sample, as Redis
 *       approximates LRU. A decision at the cap costs the same whatever the number of keys; the price is that the
 *       evicted key is old among its sample, not the oldest of all. Evicting a key that still had consumption forgets it: its next request starts from a full quota, so
 *       each such eviction can admit up to one extra quota. {@link #evictedActiveKeys()} counts them; size the cap
 *       so it stays at zero.
 * </ul>
 *
 * <pre>{@code
 * try (InMemoryEngine engine = InMemoryEngine.builder().maxKeys(50_000).build()) {
 *     RateLimiter limiter = engine.limiter(RateLimitPolicy.of("api", Limit.gcra(100, Duration.ofSeconds(1), 20)));
 *     if (!limiter.acquire(clientId).isAllowed()) { ... }
 * }
 * }</pre>
 */
public final class InMemoryEngine implements RateLimiterEngine {

    /** Default cap on the number of keys over all policies. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    /** Default time between sweeps of fresh keys. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(10);

    /** Keys looked at per eviction at the cap. */
    static final int EVICTION_SAMPLE = 16;

    /** Keys a sweep looks at after each new key's first decision, while a pass is under way. */
    static final int SWEEP_STEP = 64;

    /** Keys a new key evicts while the count comes back down from the cap to 90% of it. */
    private static final int EVICTIONS_PER_NEW_KEY = 2;

    private final int maxKeys;
    private final long sweepIntervalMicros;
    private final TimeSource time;
    private final Map<RateLimitPolicy, PolicyStore> stores = new ConcurrentHashMap<>();
    private final AtomicLong keyCount = new AtomicLong();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder evictedActive = new LongAdder();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final KeyCursor sweepCursor = new KeyCursor(stores.values()); // guarded by sweeping
    private final Step sweepScratch = new Step(); // guarded by sweeping
    private long sweepLeft; // keys the current pass has still to look at; guarded by sweeping
    private final KeyCursor evictionCursor = new KeyCursor(stores.values()); // guarded by itself
    private long keysSampled; // guarded by evictionCursor
    private final Step evictionScratch = new Step(); // guarded by evictionCursor
    private volatile boolean evicting;
    private final ThreadLocal<Step[]> scratch = ThreadLocal.withInitial(InMemoryEngine::newSteps);
    private final DecisionStore decisions = new Decisions();
    private volatile long lastSweepMicros;
    private volatile boolean sweepPending; // a pass has keys left to look at

    static {
        InMemoryEngineAccess.register(engine -> ((InMemoryEngine) engine).decisionStore());
    }

    private InMemoryEngine(Builder builder) {
        this.maxKeys = builder.maxKeys;
        this.sweepIntervalMicros = builder.sweepInterval.toNanos() / 1_000;
        this.time = builder.time;
        this.lastSweepMicros = time.currentMicros();
    }

    /** An engine with the defaults. */
    public static InMemoryEngine create() {
        return builder().build();
    }

    /** Starts configuring an engine. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RateLimiter limiter(RateLimitPolicy policy) {
        return new DefaultRateLimiter(policy, new BoundDecisions(store(policy)), time);
    }

    @Override
    public String kind() {
        return "memory";
    }

    /** The {@link DecisionStore} of this engine, for the Redis engine's local fallback (through the accessor). */
    DecisionStore decisionStore() {
        return decisions;
    }

    /** Keys held now, over all policies. */
    public long keyCount() {
        return keyCount.get();
    }

    /** Keys dropped so far, fresh or not. */
    public long evictedKeys() {
        return evicted.sum();
    }

    /** Keys dropped at the cap while they still had consumption (each may admit one extra quota). */
    public long evictedActiveKeys() {
        return evictedActive.sum();
    }

    /** Drops every fresh key now, in one walk of every key, instead of waiting for the incremental sweep. */
    public void sweep() {
        if (sweeping.compareAndSet(false, true)) {
            try {
                sweepFresh();
            } finally {
                sweeping.set(false);
            }
        }
    }

    @Override
    public void close() {
        stores.clear();
        keyCount.set(0);
    }

    long now() {
        return time.currentMicros();
    }

    void keyInserted() {
        keyCount.incrementAndGet();
    }

    /** Runs after a new key's first decision, so neither a sweep nor eviction can mistake it for a forgotten one. */
    void maintainAfterInsert(long now) {
        if (sweepPending || now - lastSweepMicros > sweepIntervalMicros) {
            sweepStep(now);
        }
        if (evicting || keyCount.get() > maxKeys) {
            evictSampled();
        }
    }

    void keysRemoved(long count, boolean active) {
        keyCount.addAndGet(-count);
        evicted.add(count);
        if (active) {
            evictedActive.add(count);
        }
    }

    /** Keys looked at by eviction at the cap so far: its work, which tests count. */
    long keysSampledForEviction() {
        synchronized (evictionCursor) {
            return keysSampled;
        }
    }

    /** Evicts up to {@link #EVICTIONS_PER_NEW_KEY} keys while the count is above 90% of the cap, once it passed it. */
    private void evictSampled() {
        int target = maxKeys - maxKeys / 10;
        synchronized (evictionCursor) {
            long excess = keyCount.get() - target;
            if (excess > 0) {
                evictFromSample((int) Math.min(excess, EVICTIONS_PER_NEW_KEY));
            }
            evicting = keyCount.get() > target;
        }
    }

    /**
     * Evicts up to {@code wanted} (one or two) of the next {@link #EVICTION_SAMPLE} keys: fresh ones first, as they
     * are met (dropping them changes no decision), then the least recently used of the sample. One sample serves
     * both evictions, and freshness is judged at one clock reading, so a new key at the cap costs one sample.
     */
    private void evictFromSample(int wanted) {
        long now = time.currentMicros();
        int evicted = 0;
        PolicyStore oldestStore = null; // the least recently used key of the sample with consumption
        Map.Entry<String, KeyEntry> oldest = null;
        PolicyStore nextStore = null; // and the next least recently used
        Map.Entry<String, KeyEntry> next = null;
        for (int i = 0; i < EVICTION_SAMPLE && evicted < wanted && evictionCursor.advance(); i++) {
            keysSampled++;
            PolicyStore store = evictionCursor.store();
            Map.Entry<String, KeyEntry> candidate = evictionCursor.current();
            KeyEntry entry = candidate.getValue();
            if (entry.isDead() || isEntryOf(oldest, entry) || isEntryOf(next, entry)) {
                continue; // removed since the map's iterator read it, or met again as the walk wrapped around
            }
            if (store.remove(candidate.getKey(), entry, false, now, evictionScratch)) {
                keysRemoved(1, false);
                evicted++;
                continue;
            }
            long access = entry.lastAccessMicros();
            if (oldest == null || access < oldest.getValue().lastAccessMicros()) {
                nextStore = oldestStore;
                next = oldest;
                oldestStore = store;
                oldest = candidate;
            } else if (next == null || access < next.getValue().lastAccessMicros()) {
                nextStore = store;
                next = candidate;
            }
        }
        if (evicted < wanted && oldestStore != null && oldest != null) {
            evictActive(oldestStore, oldest, now);
            evicted++;
        }
        if (evicted < wanted && nextStore != null && next != null) {
            evictActive(nextStore, next, now);
        }
    }

    private static boolean isEntryOf(Map.@Nullable Entry<String, KeyEntry> key, KeyEntry entry) {
        return key != null && key.getValue() == entry;
    }

    private void evictActive(PolicyStore store, Map.Entry<String, KeyEntry> key, long now) {
        if (store.remove(key.getKey(), key.getValue(), true, now, evictionScratch)) {
            keysRemoved(1, true);
        }
    }

    /**
     * One step of the incremental sweep: starts a pass when the interval has passed, then looks at up to
     * {@value #SWEEP_STEP} keys of it. A thread that finds another one stepping skips its step rather than wait.
     */
    private void sweepStep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!sweepPending) {
                if (now - lastSweepMicros <= sweepIntervalMicros) {
                    return; // another thread started and finished this interval's pass meanwhile
                }
                lastSweepMicros = now;
                sweepLeft = keyCount.get();
            }
            for (int i = 0; i < SWEEP_STEP && sweepLeft > 0; i++) {
                if (!sweepCursor.advance()) {
                    sweepLeft = 0; // no keys at all
                    break;
                }
                sweepLeft--;
                Map.Entry<String, KeyEntry> key = sweepCursor.current();
                if (sweepCursor.store().remove(key.getKey(), key.getValue(), false, now, sweepScratch)) {
                    keysRemoved(1, false);
                }
            }
            sweepPending = sweepLeft > 0;
        } finally {
            sweeping.set(false);
        }
    }

    private void sweepFresh() {
        lastSweepMicros = time.currentMicros();
        sweepLeft = 0; // this pass covers whatever an incremental one had left
        sweepPending = false;
        for (PolicyStore store : stores.values()) {
            long removed = 0;
            for (Map.Entry<String, KeyEntry> entry : store.entries.entrySet()) {
                if (store.remove(entry.getKey(), entry.getValue(), false)) {
                    removed++;
                }
            }
            keysRemoved(removed, false);
        }
    }

    private PolicyStore store(RateLimitPolicy policy) {
        return stores.computeIfAbsent(policy, p -> new PolicyStore(p, this));
    }

    private static Step[] newSteps() {
        Step[] steps = new Step[RateLimitPolicy.MAX_LIMITS];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new Step();
        }
        return steps;
    }

    /** Decisions on this engine's state. */
    private final class Decisions implements DecisionStore {
        @Override
        public Decision decide(RateLimitPolicy policy, String key, long permits) {
            return store(policy).decide(key, permits, time.currentMicros(), scratch.get());
        }

        @Override
        public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
            return CompletableFuture.completedFuture(decide(policy, key, permits));
        }

        @Override
        public void reset(RateLimitPolicy policy, String key) {
            store(policy).reset(key);
        }
    }

    /** Decisions of one limiter: its policy's store is looked up once, not on every decision. */
    private final class BoundDecisions implements DecisionStore {
        private final PolicyStore store;

        BoundDecisions(PolicyStore store) {
            this.store = store;
        }

        @Override
        public Decision decide(RateLimitPolicy policy, String key, long permits) {
            return store.decide(key, permits, time.currentMicros(), scratch.get());
        }

        @Override
        public CompletionStage<Decision> decideAsync(RateLimitPolicy policy, String key, long permits) {
            return CompletableFuture.completedFuture(decide(policy, key, permits));
        }

        @Override
        public void reset(RateLimitPolicy policy, String key) {
            store.reset(key);
        }
    }

    /** Configures an {@link InMemoryEngine}. */
    public static final class Builder {
        private int maxKeys = DEFAULT_MAX_KEYS;
        private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
        private TimeSource time = TimeSource.system();

        private Builder() {}

        /** Cap on keys over all policies; {@value InMemoryEngine#DEFAULT_MAX_KEYS} by default. */
        public Builder maxKeys(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxKeys must be positive but was " + value);
            }
            this.maxKeys = value;
            return this;
        }

        /** Time between sweeps of fresh keys; 10 seconds by default. */
        public Builder sweepInterval(Duration value) {
            Objects.requireNonNull(value, "sweepInterval");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("sweepInterval must be positive but was " + value);
            }
            this.sweepInterval = value;
            return this;
        }

        /** The clock; the system clock by default. */
        public Builder timeSource(TimeSource value) {
            this.time = Objects.requireNonNull(value, "timeSource");
            return this;
        }

        /** The engine. */
        public InMemoryEngine build() {
            return new InMemoryEngine(this);
        }
    }
}
