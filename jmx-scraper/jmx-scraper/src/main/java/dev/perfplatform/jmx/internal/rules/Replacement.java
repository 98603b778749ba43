package dev.perfplatform.jmx.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code name}, {@code value}, {@code help} or label string, parsed once with {@link Matcher}'s replacement
 * syntax ({@code $1}, {@code ${name}}, {@code \} escapes) so that expanding it against a whole-input match gives
 * what jmx_exporter's {@code matcher.replaceAll(...)} gives, without searching the input again.
 */
final class Replacement {

    private final String text;
    private final List<Object> parts; // String literal, Integer group index or GroupName
    private final boolean literal;

    private record GroupName(String name) {}

    private Replacement(String text, List<Object> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
        this.literal = parts.stream().allMatch(String.class::isInstance);
    }

    /**
     * Parses {@code text} for {@code pattern} (the rule's wrapped pattern), or for no pattern.
     *
     * @throws IllegalArgumentException naming what is wrong, where {@code Matcher} would throw at match time
     */
    static Replacement parse(String text, Pattern pattern) {
        Matcher probe = Pattern.compile("(?:" + pattern.pattern() + ")|").matcher("");
        if (!probe.matches()) {
            throw new IllegalStateException("the empty alternative always matches");
        }
        int groupCount = probe.groupCount();
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("a trailing \\ escapes nothing");
                }
                literal.append(text.charAt(i++));
            } else if (c != '$') {
                literal.append(c);
                i++;
            } else {
                if (++i == text.length()) {
                    throw new IllegalArgumentException("$ at the end names no group");
                }
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                if (text.charAt(i) == '{') {
                    int close = i + 1;
                    while (close < text.length() && isAsciiLetterOrDigit(text.charAt(close))) {
                        close++;
                    }
                    String name = text.substring(i + 1, close);
                    if (name.isEmpty() || close == text.length() || text.charAt(close) != '}') {
                        throw new IllegalArgumentException("${ must be followed by a group name and }");
                    }
                    if (Character.isDigit(name.charAt(0))) {
                        throw new IllegalArgumentException("group name {" + name + "} starts with a digit");
                    }
                    try {
                        probe.group(name);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("the pattern has no group named " + name, e);
                    }
                    parts.add(new GroupName(name));
                    i = close + 1;
                } else {
                    int group = text.charAt(i) - '0';
                    if (group < 0 || group > 9) {
                        throw new IllegalArgumentException("$ must be followed by a group number or ${name}");
                    }
                    i++;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        int longer = group * 10 + (text.charAt(i) - '0');
                        if (longer > groupCount) {
                            break;
                        }
                        group = longer;
                        i++;
                    }
                    if (group > groupCount) {
                        throw new IllegalArgumentException("the pattern has no group " + group);
                    }
                    parts.add(group);
                }
            }
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new Replacement(text, parts);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The expansion against {@code matcher}, which has just matched the whole input. */
    String expand(Matcher matcher) {
        if (literal) {
            return parts.isEmpty() ? "" : (String) parts.get(0);
        }
        StringBuilder result = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String s) {
                result.append(s);
            } else {
                String group =
                        part instanceof Integer index ? matcher.group(index) : matcher.group(((GroupName) part).name);
                if (group != null) {
                    result.append(group);
                }
            }
        }
        return result.toString();
    }

    /** The replacement as written. */
    String text() {
        return text;
    }
}
