package dev.perfplatform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitExceededExceptionTests {

    private final RateLimitPolicy policy = RateLimitPolicy.of("api", Limit.fixedWindow(1, Duration.ofMinutes(1)));
    private final Decision denial = Decision.denied(policy, 0, 1, 0, 60_000_000, 60_000_000);

    @Test
    void aThrownInstanceHasAnEmptyStackTrace() {
        RateLimitExceededException thrown = catchThrowableOfType(RateLimitExceededException.class, () -> {
            throw new RateLimitExceededException(denial);
        });

        assertThat(thrown.getStackTrace()).isEmpty();
        thrown.fillInStackTrace();
        assertThat(thrown.getStackTrace())
                .as("filling in again still records nothing")
                .isEmpty();
    }

    @Test
    void carriesTheDenialAndKeepsSuppressedExceptions() {
        RateLimitExceededException exception = new RateLimitExceededException(denial);
        exception.addSuppressed(new IllegalStateException("checkpoint"));

        assertThat(exception.decision()).isSameAs(denial);
        assertThat(exception).hasMessage("rate limit 'api' exceeded; retry after 60000000 us");
        assertThat(exception.getSuppressed()).hasSize(1);
    }
}
