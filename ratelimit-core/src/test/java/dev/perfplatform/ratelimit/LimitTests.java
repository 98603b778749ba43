package dev.perfplatform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTests {

    @Test
    void rejectsAZeroCapacityNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.tokenBucket(0, 1, Duration.ofSeconds(1)))
                .withMessage("capacity must be between 1 and 1000000000 but was 0");
    }

    @Test
    void rejectsANegativeRateNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.gcra(-5, Duration.ofSeconds(1), 1))
                .withMessageStartingWith("rate must be between 1 and");
    }

    @Test
    void rejectsAZeroBurstNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.gcra(5, Duration.ofSeconds(1), 0))
                .withMessageStartingWith("burst must be");
    }

    @Test
    void rejectsAZeroOrNegativeWindowNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.fixedWindow(5, Duration.ZERO))
                .withMessage("window must be between 1 microsecond and 366 days but was PT0S");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.slidingWindowLog(5, Duration.ofSeconds(-1)))
                .withMessageContaining("window must be");
    }

    @Test
    void rejectsCountsAboveOneBillion() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.slidingWindowCounter(1_000_000_001L, Duration.ofSeconds(1)))
                .withMessageContaining("but was 1000000001");
    }

    @Test
    void capsTheLogLimitWhereEveryEngineReadsIt() {
        assertThat(Limit.slidingWindowLog(Limit.MAX_LOG_LIMIT, Duration.ofDays(366))
                        .capacity())
                .isEqualTo(100_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Limit.slidingWindowLog(Limit.MAX_LOG_LIMIT + 1, Duration.ofSeconds(1)))
                .withMessage("limit must be between 1 and 100000 but was 100001");
        assertThat(Limit.slidingWindowCounter(Limit.MAX_LOG_LIMIT + 1, Duration.ofSeconds(1))
                        .capacity())
                .as("the other algorithms keep constant state: 10^9")
                .isEqualTo(100_001);
    }

    @Test
    void countsInMicrosecondsForOrdinaryLimits() {
        Limit limit = Limit.slidingWindowCounter(100, Duration.ofMinutes(1));

        assertThat(limit.resolutionMicros()).isEqualTo(1);
        assertThat(limit.periodTicks()).isEqualTo(60_000_000L);
    }

    @Test
    void coarsensTheResolutionSoTheLargestProductStaysExactInADouble() {
        Limit limit = Limit.tokenBucket(Limit.MAX_COUNT, 1, Duration.ofDays(30));

        assertThat(limit.resolutionMicros()).isEqualTo(1L << 20); // about a second
        assertThat(limit.capacity() * limit.periodTicks()).isLessThanOrEqualTo((1L << 53) - Limit.MAX_COUNT);
    }

    @Test
    void keepsTheLogAndFixedWindowAtMicrosecondsWhateverTheLimit() {
        assertThat(Limit.slidingWindowLog(Limit.MAX_LOG_LIMIT, Duration.ofDays(30))
                        .resolutionMicros())
                .isEqualTo(1);
        assertThat(Limit.fixedWindow(Limit.MAX_COUNT, Duration.ofDays(30)).resolutionMicros())
                .isEqualTo(1);
    }

    @Test
    void namesAreKeptAndCompared() {
        Limit limit = Limit.fixedWindow(10, Duration.ofSeconds(1)).named("burst");

        assertThat(limit.name()).isEqualTo("burst");
        assertThat(limit).isNotEqualTo(Limit.fixedWindow(10, Duration.ofSeconds(1)));
        assertThat(limit).hasToString("Limit[burst: FIXED_WINDOW, limit=10, window=PT1S]");
    }
}
