package dev.perfplatform.moalog.ai;

import java.util.List;

/**
 * What a model analyses: the retrospect's questions and every submitted participant's answers to them.
 *
 * @param questions the format's five questions, in order
 * @param participants the participants who submitted, by member id
 */
public record AnalysisInput(List<String> questions, List<Participant> participants) {

    /** A participant and its answers, one per question (blank where it gave none). */
    public record Participant(long userId, String userName, List<String> answers) {}
}
