package dev.perfplatform.moalog.security;

/** The member a request was authenticated as: the principal handlers receive through {@link CurrentMember}. */
public record SignedIn(long memberId) implements java.io.Serializable {}
