package dev.perfplatform.ratelimit.memory;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.internal.Decisions;
import dev.perfplatform.ratelimit.internal.SlidingLog;
import dev.perfplatform.ratelimit.internal.Step;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The keys of one policy in an {@link InMemoryEngine}, and the decisions on them. */
final class PolicyStore {

    private final RateLimitPolicy policy;
    private final List<Limit> limits;
    private final InMemoryEngine engine;
    final Map<String, KeyEntry> entries = new ConcurrentHashMap<>();

    PolicyStore(RateLimitPolicy policy, InMemoryEngine engine) {
        this.policy = policy;
        this.limits = policy.limits();
        this.engine = engine;
    }

    RateLimitPolicy policy() {
        return policy;
    }

    Decision decide(String key, long permits, long now, Step[] steps) {
        while (true) {
            KeyEntry entry = entries.get(key);
            boolean created = false;
            if (entry == null) {
                KeyEntry fresh = new KeyEntry(policy, now);
                KeyEntry raced = entries.putIfAbsent(key, fresh);
                created = raced == null;
                entry = created ? fresh : raced;
                if (created) {
                    engine.keyInserted();
                }
            }
            Decision decision = entry.hasLogs()
                    ? decideLocked(entry, permits, now, steps)
                    : decideLockFree(entry, permits, now, steps);
            if (decision != null) {
                entry.touch(now);
                if (created) {
                    // Only now, with the new key's state recorded, may maintenance sweep or evict.
                    engine.maintainAfterInsert(now);
                }
                return decision;
            }
            entries.remove(key, entry); // the entry was evicted under us: help remove it, then start over
        }
    }

    private @Nullable Decision decideLockFree(KeyEntry entry, long permits, long now, Step[] steps) {
        for (int lostRaces = 1; ; lostRaces++) {
            long stamp = entry.readStamp();
            if (stamp == KeyEntry.DEAD) {
                return null;
            }
            entry.evaluate(limits, now, permits, steps);
            if (entry.validate(stamp)) {
                boolean admit = permits > 0 && Decisions.allAllow(steps, limits.size());
                if (!admit || entry.write(stamp, steps, limits.size())) {
                    return Decisions.combine(policy, permits, steps);
                }
            }
            KeyEntry.backOff(lostRaces); // another admission stored new words meanwhile: evaluate again, a little later
        }
    }

    private @Nullable Decision decideLocked(KeyEntry entry, long permits, long now, Step[] steps) {
        synchronized (entry) {
            long stamp = entry.readStamp();
            if (stamp == KeyEntry.DEAD) {
                return null;
            }
            entry.evaluate(limits, now, permits, steps);
            Decision decision = Decisions.combine(policy, permits, steps);
            if (decision.isAllowed() && permits > 0) {
                for (int i = 0; i < limits.size(); i++) {
                    SlidingLog log = entry.log(i);
                    if (log != null) {
                        log.prune(limits.get(i), now);
                        log.append(now, permits);
                    }
                }
                entry.write(stamp, steps, limits.size()); // every writer holds the monitor: cannot fail
            }
            return decision;
        }
    }

    void reset(String key) {
        KeyEntry entry = entries.get(key);
        if (entry != null && remove(key, entry, true)) {
            engine.keysRemoved(1, false);
        }
    }

    /** Removes {@code key} if it is fresh (or unconditionally when {@code force}); true when this call removed it. */
    boolean remove(String key, KeyEntry entry, boolean force) {
        return remove(key, entry, force, engine.now(), new Step());
    }

    /** As {@link #remove(String, KeyEntry, boolean)}, judging freshness at {@code now} with the caller's scratch. */
    boolean remove(String key, KeyEntry entry, boolean force, long now, Step scratch) {
        boolean killed;
        if (entry.hasLogs()) {
            synchronized (entry) {
                killed = entry.kill(force, limits, now, scratch);
            }
        } else {
            killed = entry.kill(force, limits, now, scratch);
        }
        return killed && entries.remove(key, entry);
    }
}
