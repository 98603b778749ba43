package dev.perfplatform.moalog.retrospect;

/** Where a participant is: drafting, submitted (once, for good), or analysed by the AI. */
public enum ParticipantStatus {
    DRAFT,
    SUBMITTED,
    ANALYZED
}
