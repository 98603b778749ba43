package dev.perfplatform.moalog.ai;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a model answered: the JSON from its first opening brace to its last closing brace, checked against what
 * the prompt asked for. Anything else is {@code AI5001} — never half an analysis.
 */
final class ModelAnswers {

    private static final Logger log = LoggerFactory.getLogger(ModelAnswers.class);

    static final int EMOTIONS = 3;
    static final int MISSIONS = 3;
    static final int MAX_GUIDES = 3;

    private final JsonMapper json;

    ModelAnswers(JsonMapper json) {
        this.json = json;
    }

    /**
     * The analysis in {@code text}: exactly {@value #EMOTIONS} emotions ranked by count, and exactly
     * {@value #MISSIONS} missions for each participant of {@code input} (names taken from the input, missions sorted
     * by user id).
     */
    Analysis analysis(String text, AnalysisInput input, boolean offline) {
        JsonNode root = object(text);
        String insight = text(root, "insight");
        List<Analysis.Emotion> emotions = new ArrayList<>();
        for (JsonNode emotion : array(root, "emotionRank")) {
            emotions.add(new Analysis.Emotion(
                    0, text(emotion, "label"), text(emotion, "description"), count(emotion.get("count"))));
        }
        if (emotions.size() != EMOTIONS) {
            throw unparseable("emotionRank has " + emotions.size() + " emotions, not " + EMOTIONS);
        }
        List<Analysis.Emotion> ranked = Analysis.Emotion.rankedByCount(emotions, EMOTIONS);
        Map<Long, String> names = new LinkedHashMap<>();
        input.participants().forEach(participant -> names.put(participant.userId(), participant.userName()));
        Map<Long, Analysis.PersonalMissions> missions = new LinkedHashMap<>();
        for (JsonNode personal : array(root, "personalMissions")) {
            long userId = userId(personal.get("userId"));
            String name = names.get(userId);
            if (name == null || missions.containsKey(userId)) {
                throw unparseable("personalMissions names userId " + userId + " unknown or twice");
            }
            List<Analysis.Mission> own = new ArrayList<>();
            for (JsonNode mission : array(personal, "missions")) {
                own.add(new Analysis.Mission(text(mission, "missionTitle"), text(mission, "missionDesc")));
            }
            if (own.size() != MISSIONS) {
                throw unparseable("userId " + userId + " has " + own.size() + " missions, not " + MISSIONS);
            }
            missions.put(userId, new Analysis.PersonalMissions(userId, name, List.copyOf(own)));
        }
        if (!missions.keySet().equals(names.keySet())) {
            throw unparseable("personalMissions misses participants: " + names.keySet() + " vs " + missions.keySet());
        }
        List<Analysis.PersonalMissions> byUser = new ArrayList<>(missions.values());
        byUser.sort(Comparator.comparingLong(Analysis.PersonalMissions::userId));
        return new Analysis(insight, ranked, List.copyOf(byUser), offline);
    }

    /** One to {@value #MAX_GUIDES} guides, each with a title and a description. */
    List<Guide> guides(String text) {
        List<Guide> guides = new ArrayList<>();
        for (JsonNode guide : array(object(text), "guides")) {
            guides.add(new Guide(text(guide, "title"), text(guide, "description")));
        }
        if (guides.isEmpty() || guides.size() > MAX_GUIDES) {
            throw unparseable(guides.size() + " guides, not 1 to " + MAX_GUIDES);
        }
        return List.copyOf(guides);
    }

    private JsonNode object(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw unparseable("no JSON object in the answer");
        }
        try {
            JsonNode root = json.readTree(text.substring(start, end + 1));
            if (!root.isObject()) {
                throw unparseable("the answer is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw unparseable("the answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field) {
        JsonNode array = parent.get(field);
        if (array == null || !array.isArray()) {
            throw unparseable(field + " is not an array");
        }
        return array;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw unparseable(field + " is not a non-blank string");
        }
        return value.asString().strip();
    }

    private static int count(JsonNode value) {
        if (value == null || !value.canConvertToInt() || value.asInt() < 0) {
            throw unparseable("count is not a non-negative integer");
        }
        return value.asInt();
    }

    private static long userId(JsonNode value) {
        if (value != null && value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value != null && value.isString() && value.asString().strip().matches("\\d{1,18}")) {
            return Long.parseLong(value.asString().strip());
        }
        throw unparseable("userId is not a number");
    }

    /** {@code AI5001}; why is logged, not answered: the caller learns only that the answer could not be read. */
    private static ApiException unparseable(String why) {
        log.warn("the model's answer is unusable: {}", why);
        return new ApiException(ErrorCode.AI_UNPARSEABLE);
    }
}
