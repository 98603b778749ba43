package dev.perfplatform.ratelimit.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.memory.InMemoryEngine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden table: q, w, r and t for every algorithm and for a policy of two limits. */
class IetfDraft10HeadersTests {

    /** 15 s past a minute boundary, so window resets are round numbers. */
    private static final long NOW = 1_767_225_615_000_000L;

    private static Decision decide(RateLimitPolicy policy, long... requests) {
        RateLimiter limiter =
                InMemoryEngine.builder().timeSource(() -> NOW).build().limiter(policy);
        Decision last = null;
        for (long permits : requests) {
            last = limiter.acquire("k", permits);
        }
        return last;
    }

    static Stream<Arguments> goldenTable() {
        return Stream.of(
                Arguments.of(
                        RateLimitPolicy.of("fw", Limit.fixedWindow(100, Duration.ofMinutes(1))),
                        new long[] {1},
                        "\"fw\";q=100;w=60",
                        "\"fw\";r=99;t=45"),
                Arguments.of(
                        RateLimitPolicy.of("tb", Limit.tokenBucket(10, 5, Duration.ofSeconds(1))),
                        new long[] {4},
                        "\"tb\";q=10;w=2",
                        "\"tb\";r=6;t=1"),
                Arguments.of(
                        RateLimitPolicy.of("g", Limit.gcra(2, Duration.ofSeconds(1), 4)),
                        new long[] {1},
                        "\"g\";q=4;w=2",
                        "\"g\";r=3;t=1"),
                Arguments.of(
                        RateLimitPolicy.of("swc", Limit.slidingWindowCounter(10, Duration.ofSeconds(10))),
                        new long[] {1},
                        "\"swc\";q=10;w=10",
                        "\"swc\";r=9;t=15"),
                Arguments.of(
                        RateLimitPolicy.of("swl", Limit.slidingWindowLog(3, Duration.ofSeconds(30))),
                        new long[] {1},
                        "\"swl\";q=3;w=30",
                        "\"swl\";r=2;t=30"),
                Arguments.of(
                        RateLimitPolicy.of("denied", Limit.fixedWindow(1, Duration.ofMinutes(1))),
                        new long[] {1, 1},
                        "\"denied\";q=1;w=60",
                        "\"denied\";r=0;t=45"),
                Arguments.of(
                        RateLimitPolicy.builder("api")
                                .limit(Limit.tokenBucket(10, 10, Duration.ofSeconds(1))
                                        .named("burst"))
                                .limit(Limit.slidingWindowCounter(1000, Duration.ofHours(1))
                                        .named("hourly"))
                                .build(),
                        new long[] {1},
                        "\"burst\";q=10;w=1",
                        "\"burst\";r=9;t=1"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("goldenTable")
    void writesTheDraftTenFields(RateLimitPolicy policy, long[] requests, String expectedPolicy, String expectedState) {
        Map<String, String> headers = new LinkedHashMap<>();

        new IetfDraft10Headers().write(List.of(decide(policy, requests)), headers::put);

        assertThat(headers)
                .containsExactly(Map.entry("RateLimit-Policy", expectedPolicy), Map.entry("RateLimit", expectedState));
    }

    @Test
    void listsOneItemPerPolicyThatApplied() {
        Decision first = decide(RateLimitPolicy.of("a", Limit.fixedWindow(5, Duration.ofMinutes(1))), 1);
        Decision second = decide(RateLimitPolicy.of("b", Limit.slidingWindowLog(2, Duration.ofSeconds(30))), 1);
        Map<String, String> headers = new LinkedHashMap<>();

        new IetfDraft10Headers().write(List.of(first, second), headers::put);

        assertThat(headers.get("RateLimit-Policy")).isEqualTo("\"a\";q=5;w=60, \"b\";q=2;w=30");
        assertThat(headers.get("RateLimit")).isEqualTo("\"a\";r=4;t=45, \"b\";r=1;t=30");
    }

    @Test
    void saysNothingForADecisionMadeWithoutALimit() {
        Decision failOpen =
                Decision.degraded(RateLimitPolicy.of("x", Limit.fixedWindow(5, Duration.ofMinutes(1))), 1, true, 0);
        Map<String, String> headers = new LinkedHashMap<>();

        new IetfDraft10Headers().write(List.of(failOpen), headers::put);

        assertThat(headers).isEmpty();
    }

    @Test
    void legacyHeadersCarryTheMostRestrictiveDecision() {
        Decision roomy = decide(RateLimitPolicy.of("a", Limit.fixedWindow(50, Duration.ofMinutes(1))), 1);
        Decision tight = decide(RateLimitPolicy.of("b", Limit.fixedWindow(2, Duration.ofMinutes(1))), 1);
        Map<String, String> headers = new LinkedHashMap<>();

        new LegacyHeaders().write(List.of(roomy, tight), headers::put);

        assertThat(headers)
                .containsExactly(
                        Map.entry("X-RateLimit-Limit", "2"),
                        Map.entry("X-RateLimit-Remaining", "1"),
                        Map.entry("X-RateLimit-Reset", "45"));
    }
}
