package dev.perfplatform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.ManualTimeSource;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NegativeCacheTests {

    private final ManualTimeSource time = new ManualTimeSource();
    private final NegativeCache cache = new NegativeCache(2, time);
    private final RateLimitPolicy policy = RateLimitPolicy.of("p", Limit.fixedWindow(10, Duration.ofMinutes(1)));

    private Decision denial(long permits, long retryMicros) {
        return Decision.denied(policy, 0, permits, 1, retryMicros, retryMicros);
    }

    @Test
    void answersRequestsForAtLeastTheDeniedPermitsUntilTheRetryAfter() {
        cache.remember(policy, "k", denial(3, 1_000));
        time.advanceMicros(400);

        Decision cached = cache.lookup(policy, "k", 5);

        assertThat(cached).isNotNull();
        assertThat(cached.isAllowed()).isFalse();
        assertThat(cached.retryAfterMicros()).isEqualTo(600);
        assertThat(cached.permits()).isEqualTo(5);
        assertThat(cache.lookup(policy, "k", 2)).as("fewer permits may fit").isNull();
        assertThat(cache.lookup(policy, "other", 3)).isNull();
    }

    @Test
    void forgetsAtTheRetryAfterAndOnReset() {
        cache.remember(policy, "k", denial(1, 1_000));
        time.advanceMicros(1_000);
        assertThat(cache.lookup(policy, "k", 1)).isNull();
        assertThat(cache.size()).isZero();

        cache.remember(policy, "k", denial(1, 1_000));
        cache.forget(policy, "k");

        assertThat(cache.lookup(policy, "k", 1)).isNull();
    }

    @Test
    void staysWithinItsBoundDroppingExpiredEntriesFirst() {
        cache.remember(policy, "a", denial(1, 100));
        cache.remember(policy, "b", denial(1, 10_000));
        cache.remember(policy, "c", denial(1, 10_000));
        assertThat(cache.lookup(policy, "c", 1))
                .as("full of live entries: not cached")
                .isNull();

        time.advanceMicros(200);
        cache.remember(policy, "c", denial(1, 10_000));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.lookup(policy, "c", 1)).isNotNull();
    }
    /** The cliff this cache had: once full, every new denial scanned all entries for expired ones. */
    @Test
    void aFullCacheRefusesNewDenialsWithoutLookingAtItsEntries() {
        NegativeCache full = new NegativeCache(10_000, time);
        for (int i = 0; i < 10_000; i++) {
            full.remember(policy, "held-" + i, denial(1, 60_000_000));
        }
        long before = full.entriesVisited();

        for (int i = 0; i < 10_000; i++) {
            full.remember(policy, "flood-" + i, denial(1, 60_000_000));
        }

        assertThat(full.size()).isEqualTo(10_000);
        assertThat(full.lookup(policy, "flood-0", 1)).isNull();
        assertThat(full.entriesVisited() - before)
                .as("one look at the earliest expiry per refused denial, not 10,000")
                .isLessThanOrEqualTo(10_000);
    }

    @Test
    void aFullCacheMakesRoomForEachNewDenialInLogarithmicWork() {
        NegativeCache full = new NegativeCache(10_000, time);
        for (int i = 0; i < 10_000; i++) {
            full.remember(policy, "held-" + i, denial(1, 1 + (i * 7_919L) % 10_000)); // distinct expiries, shuffled
        }
        long before = full.entriesVisited();

        for (int i = 0; i < 10_000; i++) {
            time.advanceMicros(1); // one held entry expires per step
            full.remember(policy, "new-" + i, denial(1, 60_000_000));
        }

        assertThat(full.size()).isEqualTo(10_000);
        assertThat(full.lookup(policy, "new-9999", 1)).isNotNull();
        assertThat(full.lookup(policy, "held-0", 1)).isNull();
        assertThat((full.entriesVisited() - before) / 10_000.0)
                .as("entries looked at per new denial: about 2 log2(10,000), where a scan looked at 10,000")
                .isLessThanOrEqualTo(64);
    }

    @Test
    void replacingAndForgettingKeepTheBoundExact() {
        cache.remember(policy, "a", denial(1, 1_000));
        cache.remember(policy, "a", denial(2, 5_000));
        cache.remember(policy, "b", denial(1, 1_000));
        assertThat(cache.size()).isEqualTo(2);

        cache.forget(policy, "a");
        cache.remember(policy, "c", denial(1, 1_000));
        time.advanceMicros(1_000);
        cache.remember(policy, "d", denial(1, 1_000));

        assertThat(cache.size()).as("b and c expired and were dropped for d").isEqualTo(1);
        assertThat(cache.lookup(policy, "d", 1)).isNotNull();
        assertThat(cache.lookup(policy, "a", 2)).isNull();
    }
}
