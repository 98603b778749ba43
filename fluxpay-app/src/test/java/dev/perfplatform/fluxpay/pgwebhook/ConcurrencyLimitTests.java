package dev.perfplatform.fluxpay.pgwebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** At most {@code limit} pieces of work at once, the others started in order as places free up. */
class ConcurrencyLimitTests {

    @Test
    void runsAtMostTheLimitAtOnceAndTheRestAsPlacesFreeUp() {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        AtomicInteger started = new AtomicInteger();
        List<Sinks.One<String>> held = new ArrayList<>();
        List<Mono<String>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Sinks.One<String> answer = Sinks.one();
            held.add(answer);
            answers.add(limit.run(Mono.defer(() -> {
                        started.incrementAndGet();
                        return answer.asMono();
                    }))
                    .cache());
        }
        answers.forEach(Mono::subscribe);

        assertThat(started).hasValue(2);
        held.get(0).tryEmitValue("first");
        assertThat(started).hasValue(3);
        held.get(1).tryEmitEmpty();
        held.get(2).tryEmitError(new IllegalStateException("boom"));
        assertThat(started).hasValue(5);
        held.get(3).tryEmitValue("fourth");
        held.get(4).tryEmitValue("fifth");

        assertThat(answers.get(0).block()).isEqualTo("first");
        assertThat(answers.get(1).block()).isNull();
        assertThatThrownBy(() -> answers.get(2).block()).hasMessage("boom");
        assertThat(answers.get(4).block()).isEqualTo("fifth");
        limit.dispose();
        assertThatThrownBy(() -> limit.run(Mono.just("late")).block()).isInstanceOf(IllegalStateException.class);
    }
}
