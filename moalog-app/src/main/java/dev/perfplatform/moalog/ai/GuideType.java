package dev.perfplatform.moalog.ai;

/** Guides for starting an answer, or guides on the member's own draft. */
public enum GuideType {
    INITIAL,
    PERSONALIZED
}
