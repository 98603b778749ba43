package dev.perfplatform.moalog.export;

import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;

import dev.perfplatform.moalog.retrospect.Retrospect;
import dev.perfplatform.moalog.retrospect.RetrospectController;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A visible retrospect's report in three queries whatever its size (its room's title, its participants, its
 * submitted answers), never one per row. Drafts stay private: only participants who have submitted contribute
 * answers and personal insights.
 */
@Component
class ReportQueries {

    private final DatabaseClient db;

    ReportQueries(DatabaseClient db) {
        this.db = db;
    }

    private record Participant(
            @Nullable String nickname,
            boolean submitted,
            @Nullable String personalInsight) {}

    Mono<RetrospectReport> report(Retrospect retrospect) {
        long id = retrospect.retrospectId();
        Mono<String> room = db.sql("SELECT title FROM retro_room WHERE retro_room_id = :room")
                .bind("room", retrospect.roomId())
                .map(row -> string(row, "title"))
                .one();
        Mono<List<Participant>> participants = db.sql("""
                        SELECT mb.nickname, p.status, p.personal_insight FROM member_retro p
                        LEFT JOIN member mb ON mb.member_id = p.member_id
                        WHERE p.retrospect_id = :retrospect ORDER BY p.member_retro_id""")
                .bind("retrospect", id)
                .map(row -> new Participant(
                        row.get("nickname", String.class),
                        !"DRAFT".equals(string(row, "status")),
                        row.get("personal_insight", String.class)))
                .all()
                .collectList();
        Mono<List<RetrospectReport.Answer>> answers = db.sql("""
                        SELECT r.question_number, mb.nickname, r.content FROM response r
                        JOIN member_retro p ON p.member_retro_id = r.member_retro_id
                        LEFT JOIN member mb ON mb.member_id = p.member_id
                        WHERE r.retrospect_id = :retrospect AND p.status <> 'DRAFT'
                        ORDER BY r.question_number, p.member_retro_id""")
                .bind("retrospect", id)
                .map(row -> new RetrospectReport.Answer(
                        (int) number(row, "question_number"),
                        name(row.get("nickname", String.class)),
                        string(row, "content")))
                .all()
                .filter(answer -> !answer.content().isBlank())
                .collectList();
        return Mono.zip(room, participants, answers).map(found -> {
            List<String> names = new ArrayList<>();
            List<RetrospectReport.PersonalInsight> insights = new ArrayList<>();
            for (Participant participant : found.getT2()) {
                names.add(name(participant.nickname()));
                String insight = participant.personalInsight();
                if (participant.submitted() && insight != null && !insight.isBlank()) {
                    insights.add(new RetrospectReport.PersonalInsight(name(participant.nickname()), insight));
                }
            }
            return new RetrospectReport(
                    id,
                    retrospect.title(),
                    found.getT1(),
                    retrospect.startTime(),
                    retrospect.method(),
                    names,
                    retrospect.insight(),
                    found.getT3(),
                    insights);
        });
    }

    private static String name(@Nullable String nickname) {
        return nickname == null ? RetrospectController.WITHDRAWN : nickname;
    }
}
