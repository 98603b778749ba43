package dev.perfplatform.moalog.ai;

import dev.perfplatform.ratelimit.spring.RateLimiterRegistry;
import java.time.Duration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** Chooses the model: the offline one when {@code moalog.ai.offline} says so, otherwise OpenAI, which needs a key. */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    static final String API_KEY = "spring.ai.openai.api-key";
    static final String TIMEOUT = "spring.ai.openai.timeout";

    @Bean
    Analyst analyst(
            AiSettings settings,
            ObjectProvider<OpenAiChatModel> chatModel,
            ObjectProvider<RateLimiterRegistry> limiters,
            JsonMapper json,
            Environment environment) {
        if (settings.offline()) {
            return new OfflineAnalyst();
        }
        if (environment.getProperty(API_KEY, "").isBlank()) {
            throw new IllegalStateException("OPENAI_API_KEY (" + API_KEY + ") is not set: give moalog an OpenAI key"
                    + " (OPENAI_BASE_URL for any OpenAI-compatible endpoint), or, for development and load tests only,"
                    + " set MOALOG_AI_OFFLINE=true to use the offline model.");
        }
        Duration timeout = environment.getRequiredProperty(TIMEOUT, Duration.class); // its default: application.yaml
        RateLimiterRegistry registry = limiters.getIfAvailable();
        return new OpenAiAnalyst(
                chatModel.getObject(),
                timeout,
                new ModelAnswers(json),
                registry == null ? null : registry.limiter(OpenAiAnalyst.POLICY));
    }

    @Bean
    @ConditionalOnMissingBean
    AiLimits aiLimits() {
        return AiLimits.FREE;
    }
}
