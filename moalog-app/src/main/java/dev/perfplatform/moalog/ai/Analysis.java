package dev.perfplatform.moalog.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A retrospect's analysis as the API answers it and as it is kept.
 *
 * @param insight one sentence for the whole team
 * @param emotionRank exactly three emotions, the most mentioned first
 * @param personalMissions three missions for every participant, by {@code userId}
 * @param offline whether the offline model made it
 */
public record Analysis(
        String insight, List<Emotion> emotionRank, List<PersonalMissions> personalMissions, boolean offline) {

    /** An emotion the answers show: its rank (1 to 3), a two-letter label, a short description, how often. */
    public record Emotion(int rank, String label, String description, int count) {

        /**
         * The {@code top} most counted of {@code emotions}, ranked 1 to {@code top}; equal counts keep their order.
         */
        static List<Emotion> rankedByCount(List<Emotion> emotions, int top) {
            List<Emotion> byCount = new ArrayList<>(emotions);
            byCount.sort(Comparator.comparingInt(Emotion::count).reversed());
            List<Emotion> ranked = new ArrayList<>();
            for (int i = 0; i < top; i++) {
                Emotion emotion = byCount.get(i);
                ranked.add(new Emotion(i + 1, emotion.label(), emotion.description(), emotion.count()));
            }
            return List.copyOf(ranked);
        }
    }

    /** One participant's missions. */
    public record PersonalMissions(long userId, String userName, List<Mission> missions) {}

    public record Mission(String missionTitle, String missionDesc) {}
}
