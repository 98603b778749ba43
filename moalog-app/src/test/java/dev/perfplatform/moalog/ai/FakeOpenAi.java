package dev.perfplatform.moalog.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * MockWebServer playing OpenAI for whole flows: it answers each chat completion as a well-behaved model would — an
 * analysis of exactly the participants named in the prompt, or three guides — and counts what it was asked.
 */
public final class FakeOpenAi extends Dispatcher {

    private static final Pattern PARTICIPANT = Pattern.compile("## 참여자 \\(userId: (\\d+), 이름: ([^)]*)\\)");

    private final AtomicInteger analyses = new AtomicInteger();
    private final AtomicInteger guides = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!"/v1/chat/completions".equals(request.getUrl().encodedPath()) || request.getBody() == null) {
            return OpenAiWire.json(
                    404, "{\"error\": {\"message\": \"unknown path\", \"type\": \"invalid_request_error\"}}");
        }
        JsonNode messages = OpenAiWire.JSON.readTree(request.getBody().utf8()).path("messages");
        String system = messages.path(0).path("content").asString();
        String user = messages.path(1).path("content").asString();
        if (system.contains("emotionRank")) {
            analyses.incrementAndGet();
            return OpenAiWire.completion(analysis(user));
        }
        guides.incrementAndGet();
        return OpenAiWire.completion("{\"guides\": ["
                + "{\"title\": \"장면 떠올리기\", \"description\": \"그날 있었던 일을 적어 봐요.\"},"
                + "{\"title\": \"이유 더하기\", \"description\": \"왜 그렇게 느꼈는지 적어 봐요.\"},"
                + "{\"title\": \"다음 행동 정하기\", \"description\": \"다음에 해 볼 일을 적어 봐요.\"}]}");
    }

    /** Analyses asked for so far. */
    public int analyses() {
        return analyses.get();
    }

    /** Guides asked for so far. */
    public int guides() {
        return guides.get();
    }

    private static String analysis(String prompt) {
        List<String> missions = new ArrayList<>();
        Matcher participant = PARTICIPANT.matcher(prompt);
        while (participant.find()) {
            missions.add("{\"userId\": " + participant.group(1) + ", \"userName\": \"" + participant.group(2)
                    + "\", \"missions\": ["
                    + "{\"missionTitle\": \"회고 공유하기\", \"missionDesc\": \"매주 나눠요.\"},"
                    + "{\"missionTitle\": \"테스트 먼저 쓰기\", \"missionDesc\": \"작게 시작해요.\"},"
                    + "{\"missionTitle\": \"쉬어 가기\", \"missionDesc\": \"야근을 줄여요.\"}]}");
        }
        return "{\"insight\": \"함께 배우며 끝까지 해냈어요.\", \"emotionRank\": ["
                + "{\"rank\": 1, \"label\": \"뿌듯\", \"description\": \"끝까지 해냈어요.\", \"count\": 3},"
                + "{\"rank\": 2, \"label\": \"성장\", \"description\": \"많이 배웠어요.\", \"count\": 2},"
                + "{\"rank\": 3, \"label\": \"피로\", \"description\": \"조금 지쳤어요.\", \"count\": 1}],"
                + " \"personalMissions\": [" + String.join(",", missions) + "]}";
    }
}
