package dev.perfplatform.moalog.member;

import static dev.perfplatform.moalog.Rows.instant;
import static dev.perfplatform.moalog.Rows.number;
import static dev.perfplatform.moalog.Rows.string;
import static dev.perfplatform.moalog.Rows.utc;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.security.KnownMembers;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Members in the database. An account is unique per (e-mail, provider) and a nickname across all members, both by
 * constraints: two concurrent sign-ups of one account or one nickname give one member and a {@code COMMON409}.
 */
@Repository
public class MemberRepository implements KnownMembers {

    private static final String COLUMNS = "member_id, email, social_type, nickname, insight_count, created_at";

    private final DatabaseClient db;
    private final Clock clock;

    public MemberRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Member> find(long memberId) {
        return db.sql("SELECT " + COLUMNS + " FROM member WHERE member_id = :id")
                .bind("id", memberId)
                .map(MemberRepository::member)
                .one();
    }

    public Mono<Member> findByAccount(String email, SocialType socialType) {
        return db.sql("SELECT " + COLUMNS + " FROM member WHERE email = :email AND social_type = :type")
                .bind("email", email)
                .bind("type", socialType.name())
                .map(MemberRepository::member)
                .one();
    }

    /** The first member with {@code email} under any provider (the development login's lookup). */
    public Mono<Member> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM member WHERE email = :email ORDER BY member_id LIMIT 1")
                .bind("email", email)
                .map(MemberRepository::member)
                .one();
    }

    /** Creates the member; a taken nickname or an account that already exists is a {@code COMMON409}. */
    public Mono<Member> create(String email, SocialType socialType, String nickname) {
        return db.sql("""
                        INSERT INTO member (email, social_type, nickname, insight_count, created_at, updated_at)
                        VALUES (:email, :type, :nickname, 0, :now, :now)""")
                .bind("email", email)
                .bind("type", socialType.name())
                .bind("nickname", nickname)
                .bind("now", utc(clock.instant()))
                .filter(statement -> statement.returnGeneratedValues("member_id"))
                .map(row -> number(row, "member_id"))
                .one()
                .flatMap(this::find)
                .onErrorMap(DuplicateKeyException.class, duplicate -> duplicateOf(duplicate, nickname));
    }

    /** Deletes the member; what refers to it is removed or loses its author by the foreign keys. */
    public Mono<Boolean> delete(long memberId) {
        return db.sql("DELETE FROM member WHERE member_id = :id")
                .bind("id", memberId)
                .fetch()
                .rowsUpdated()
                .map(deleted -> deleted > 0);
    }

    @Override
    public Mono<Boolean> exists(long memberId) {
        return db.sql("SELECT 1 FROM member WHERE member_id = :id")
                .bind("id", memberId)
                .map(row -> true)
                .first()
                .defaultIfEmpty(false);
    }

    private static ApiException duplicateOf(DuplicateKeyException duplicate, String nickname) {
        String message = String.valueOf(duplicate.getMessage());
        return message.contains("uq_member_nickname")
                ? new ApiException(ErrorCode.NICKNAME_TAKEN, "이미 사용 중인 닉네임입니다: " + nickname)
                : new ApiException(ErrorCode.ACCOUNT_EXISTS);
    }

    private static Member member(Readable row) {
        return new Member(
                number(row, "member_id"),
                string(row, "email"),
                SocialType.valueOf(string(row, "social_type")),
                string(row, "nickname"),
                (int) number(row, "insight_count"),
                instant(row, "created_at"));
    }
}
