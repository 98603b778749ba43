package dev.perfplatform.moalog.ai;

import org.jspecify.annotations.Nullable;

/**
 * What a model writes guides for: a question and, for personalised guides, the member's draft answer.
 *
 * @param draft the draft, or null for the initial guides
 */
public record GuideInput(String question, @Nullable String draft) {

    /** INITIAL without a draft, PERSONALIZED with one. */
    public GuideType type() {
        return draft == null ? GuideType.INITIAL : GuideType.PERSONALIZED;
    }
}
