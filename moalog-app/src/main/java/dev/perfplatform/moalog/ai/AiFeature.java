package dev.perfplatform.moalog.ai;

/** What a member's monthly AI quota counts: analyses it triggered and guides it asked for. */
public enum AiFeature {
    ANALYSIS,
    GUIDE
}
