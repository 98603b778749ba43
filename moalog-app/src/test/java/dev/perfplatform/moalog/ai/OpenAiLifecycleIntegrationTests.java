package dev.perfplatform.moalog.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.LifecycleContract;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The lifecycle with the OpenAI adapter, against MockWebServer playing OpenAI ({@link FakeOpenAi}). */
@TestPropertySource(properties = {"moalog.ai.offline=false", "spring.ai.openai.api-key=sk-test-lifecycle-0123"})
class OpenAiLifecycleIntegrationTests extends LifecycleContract {

    private static final FakeOpenAi MODEL = new FakeOpenAi();
    private static final MockWebServer OPENAI = served();

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", () -> "http://127.0.0.1:" + OPENAI.getPort() + "/v1");
    }

    @AfterAll
    static void stop() {
        OPENAI.close();
    }

    @Override
    protected String model() {
        return "openai";
    }

    /** Only calls that could be charged reached OpenAI: refusals for quota were answered before it. */
    @Override
    protected void modelWasAsked(int guides, int analyses) {
        assertThat(MODEL.guides()).isEqualTo(guides);
        assertThat(MODEL.analyses()).isEqualTo(analyses);
    }

    private static MockWebServer served() {
        MockWebServer server = OpenAiWire.started();
        server.setDispatcher(MODEL);
        return server;
    }
}
