package dev.perfplatform.moalog.ai;

import dev.perfplatform.moalog.api.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts the calls to the model as {@code moalog.ai.calls} tagged {@code model} ({@code openai} or {@code offline}),
 * {@code feature} ({@code analysis}, {@code guide}) and {@code outcome} ({@code success} or the AI code it failed
 * with): how many calls reached OpenAI is {@code model="openai"}, whatever their outcome.
 */
@Component
class AiCalls {

    static final String METER = "moalog.ai.calls";

    private final MeterRegistry meters;

    AiCalls(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> Mono<T> counted(Analyst analyst, AiFeature feature, Mono<T> call) {
        String model = analyst.offline() ? "offline" : "openai";
        return call.doOnSuccess(result -> counter(model, feature, "success").increment())
                .doOnError(failure -> counter(
                                model,
                                feature,
                                failure instanceof ApiException api ? api.code().code() : "unexpected")
                        .increment());
    }

    private Counter counter(String model, AiFeature feature, String outcome) {
        return Counter.builder(METER)
                .description("Calls to the AI model")
                .tag("model", model)
                .tag("feature", feature.name().toLowerCase(java.util.Locale.ROOT))
                .tag("outcome", outcome)
                .register(meters);
    }
}
