package dev.perfplatform.moalog.export;

import dev.perfplatform.moalog.retrospect.RetrospectMethod;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a retrospect's report shows, as read: names already resolved (a withdrawn member's is
 * {@value dev.perfplatform.moalog.retrospect.RetrospectController#WITHDRAWN}), only submitted answers, none blank.
 *
 * @param participants every participant's name, in the order they took part
 * @param insight the room's insight once the retrospect is analysed, else null
 * @param answers the submitted answers by question number, then by participant
 * @param personalInsights the participants' personal insights, in the order they took part
 */
record RetrospectReport(
        long retrospectId,
        String title,
        String roomTitle,
        Instant startTime,
        RetrospectMethod method,
        List<String> participants,
        @Nullable String insight,
        List<Answer> answers,
        List<PersonalInsight> personalInsights) {

    /** One submitted answer to question {@code question} (1 to 5). */
    record Answer(int question, String author, String content) {}

    /** One participant's personal insight ("title: description" lines). */
    record PersonalInsight(String author, String insight) {}
}
