package dev.perfplatform.moalog.ai;

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
    public record Emotion(int rank, String label, String description, int count) {}

    /** One participant's missions. */
    public record PersonalMissions(long userId, String userName, List<Mission> missions) {}

    public record Mission(String missionTitle, String missionDesc) {}
}
