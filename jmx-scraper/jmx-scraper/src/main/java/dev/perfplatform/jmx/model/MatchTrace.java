package dev.perfplatform.jmx.model;

import org.jspecify.annotations.Nullable;

/**
 * How the rules treated one attribute, for the debug page.
 *
 * @param matchString the string the rules' patterns were matched against ({@code domain<props><keys>attr: value})
 * @param ruleIndex the index of the winning rule in the rules file, or null when no rule matched
 * @param rulePattern the winning rule's pattern (null for the default rule or no match)
 * @param outcome what became of it: the series written ({@code name{labels} value}), or why nothing was
 */
public record MatchTrace(
        String matchString,
        @Nullable Integer ruleIndex,
        @Nullable String rulePattern,
        String outcome) {}
