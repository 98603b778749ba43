package dev.perfplatform.moalog.room;

/** A member's role in a room: one owner (its creator), everyone else a member. */
public enum RoomRole {
    OWNER,
    MEMBER
}
