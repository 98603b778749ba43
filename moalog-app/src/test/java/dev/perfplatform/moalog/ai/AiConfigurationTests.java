package dev.perfplatform.moalog.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

class AiConfigurationTests {

    private final AiConfiguration configuration = new AiConfiguration();
    private final DefaultListableBeanFactory noBeans = new DefaultListableBeanFactory();

    @Test
    void withoutAKeyTheOpenAiModelIsRefusedAtStartUpSayingWhatToSet() {
        assertThatThrownBy(() -> configuration.analyst(
                        new AiSettings(false),
                        noBeans.getBeanProvider(org.springframework.ai.openai.OpenAiChatModel.class),
                        noBeans.getBeanProvider(dev.perfplatform.ratelimit.spring.RateLimiterRegistry.class),
                        JsonMapper.builder().build(),
                        new MockEnvironment().withProperty(AiConfiguration.API_KEY, " ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY")
                .hasMessageContaining("MOALOG_AI_OFFLINE=true");
    }

    @Test
    void theOfflineModelNeedsNoKey() {
        Analyst analyst = configuration.analyst(
                new AiSettings(true),
                noBeans.getBeanProvider(org.springframework.ai.openai.OpenAiChatModel.class),
                noBeans.getBeanProvider(dev.perfplatform.ratelimit.spring.RateLimiterRegistry.class),
                JsonMapper.builder().build(),
                new MockEnvironment());

        assertThat(analyst.offline()).isTrue();
    }
}
