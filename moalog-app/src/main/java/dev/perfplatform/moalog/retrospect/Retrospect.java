package dev.perfplatform.moalog.retrospect;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A retrospect as stored; {@code creatorId} is null once its creator has withdrawn. */
public record Retrospect(
        long retrospectId,
        long roomId,
        @Nullable Long creatorId,
        String title,
        RetrospectMethod method,
        Instant startTime,
        @Nullable String insight) {}
