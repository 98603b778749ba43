package dev.perfplatform.moalog.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI's chat-completions wire format, as MockWebServer serves it to the tests. */
public final class OpenAiWire {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {}

    /** A chat completion whose message is {@code content}, as OpenAI answers it. */
    public static MockResponse completion(String content) {
        String body = JSON.writeValueAsString(Map.of(
                "id",
                "chatcmpl-moalog",
                "object",
                "chat.completion",
                "created",
                1_765_000_000,
                "model",
                "gpt-4o-mini-2024-07-18",
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "message",
                        new HashMap<>(Map.of("role", "assistant", "content", content)),
                        "finish_reason",
                        "stop")),
                "usage",
                Map.of("prompt_tokens", 812, "completion_tokens", 244, "total_tokens", 1056)));
        return json(200, body);
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** A server on loopback, started. */
    public static MockWebServer started() {
        MockWebServer server = new MockWebServer();
        try {
            server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
