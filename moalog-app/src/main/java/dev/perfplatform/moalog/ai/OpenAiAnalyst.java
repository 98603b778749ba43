package dev.perfplatform.moalog.ai;

import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.ratelimit.RateLimitExceededException;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.reactor.RateLimiterOperator;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The OpenAI model through Spring AI's {@link ChatModel} (any OpenAI-compatible endpoint: {@code spring.ai.openai.*}).
 * The SDK's call blocks, so it runs on the bounded elastic scheduler; its failures become the AI codes: 401 is
 * {@code AI5002}, a timeout, 429 or 503 {@code AI5031}, anything else {@code AI5003}, an unusable answer
 * {@code AI5001}; the service's own budget of calls ({@value #POLICY}) denying one is {@code AI5031} too.
 */
final class OpenAiAnalyst implements Analyst {

    private static final Logger log = LoggerFactory.getLogger(OpenAiAnalyst.class);

    /** The limiter policy every call to OpenAI takes a permit from, for the whole service. */
    static final String POLICY = "openai";

    private final ChatModel model;
    private final OpenAiChatOptions options;
    private final ModelAnswers answers;
    private final @Nullable RateLimiter budget;

    /**
     * With {@code timeout} on every call: Spring AI 2.0.1 sends each call with its options' own timeout (60 s unless
     * set), not the client's {@code spring.ai.openai.timeout}, so the model's options are copied with it. Each call
     * first takes a permit from {@code budget} (the {@value #POLICY} policy; none when the limiter is switched off):
     * denied, it fails with {@code AI5031} and OpenAI is not called.
     */
    OpenAiAnalyst(OpenAiChatModel model, Duration timeout, ModelAnswers answers, @Nullable RateLimiter budget) {
        this.model = model;
        this.options = model.getOptions().mutate().timeout(timeout).build();
        this.answers = answers;
        this.budget = budget;
    }

    @Override
    public Mono<Analysis> analyse(AnalysisInput input) {
        return call(Prompts.ANALYSIS_SYSTEM, Prompts.analysisRequest(input))
                .map(text -> answers.analysis(text, input, false));
    }

    @Override
    public Mono<List<Guide>> guide(GuideInput input) {
        return call(Prompts.guideSystem(input), Prompts.guideRequest(input)).map(answers::guides);
    }

    @Override
    public boolean offline() {
        return false;
    }

    private Mono<String> call(String system, String user) {
        Mono<String> call = Mono.fromCallable(() -> {
                    ChatResponse response =
                            model.call(new Prompt(List.of(new SystemMessage(system), new UserMessage(user)), options));
                    @Nullable
                    String text = response.getResult() == null
                            ? null
                            : response.getResult().getOutput().getText();
                    if (text == null) {
                        throw new ApiException(ErrorCode.AI_UNPARSEABLE);
                    }
                    return text;
                })
                .subscribeOn(Schedulers.boundedElastic());
        return (budget == null ? call : call.transformDeferred(RateLimiterOperator.of(budget, "service")))
                .onErrorMap(failure -> !(failure instanceof ApiException), OpenAiAnalyst::asApiFailure);
    }

    static ApiException asApiFailure(Throwable failure) {
        ErrorCode code = code(failure);
        log.warn("the OpenAI call failed ({}): {}", code.code(), failure.toString());
        return new ApiException(code);
    }

    private static ErrorCode code(Throwable failure) {
        for (@Nullable Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RateLimitExceededException) {
                return ErrorCode.AI_UNAVAILABLE; // the service's own budget: as busy as OpenAI's 429
            }
            if (cause instanceof UnauthorizedException) {
                return ErrorCode.AI_UNAUTHORIZED;
            }
            if (cause instanceof OpenAIServiceException service) {
                int status = service.statusCode();
                return status == 429 || status == 503 ? ErrorCode.AI_UNAVAILABLE : ErrorCode.AI_FAILED;
            }
            if (cause instanceof InterruptedIOException) { // a timeout, whatever wraps it
                return ErrorCode.AI_UNAVAILABLE;
            }
        }
        return ErrorCode.AI_FAILED;
    }
}
