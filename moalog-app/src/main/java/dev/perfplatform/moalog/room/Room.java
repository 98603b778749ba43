package dev.perfplatform.moalog.room;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A room as stored; {@code ownerId} is null once its owner has withdrawn. */
public record Room(
        long roomId,
        @Nullable Long ownerId,
        String title,
        @Nullable String description,
        String inviteCode,
        Instant inviteCodeCreatedAt,
        Instant updatedAt) {}
