package dev.perfplatform.moalog.member;

import java.time.Instant;

/** A member as stored. */
public record Member(
        long memberId, String email, SocialType socialType, String nickname, int insightCount, Instant createdAt) {}
