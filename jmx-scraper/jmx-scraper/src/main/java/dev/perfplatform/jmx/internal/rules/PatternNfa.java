package dev.perfplatform.jmx.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * An over-approximating automaton of a rule pattern's language, for {@link ValueBlindness}. Each edge carries the
 * set of {@link #SYMBOLS} its atom can match (as a bit mask); every atom is assumed to match some other character
 * too. Only plain regular constructs are accepted (literals, classes, {@code .}, groups, alternation, greedy and
 * lazy quantifiers); anything whose matching depends on text outside the match (anchors, boundaries,
 * lookaround, back references) or that changes backtracking (possessive quantifiers, atomic groups, inline flags)
 * makes {@link #of} return null.
 */
final class PatternNfa {

    /** The characters the analysis tells apart: {@code ':'}, {@code ' '}, then every character of a number or boolean. */
    static final String SYMBOLS = ": 0123456789.+-EINaefilnrstuy";

    static final long COLON = 1L;
    static final long SPACE = 1L << 1;
    static final long VALUE_CHARS = ((1L << SYMBOLS.length()) - 1) & ~(COLON | SPACE);

    final List<List<long[]>> edges = new ArrayList<>(); // per state: {mask, target}
    final List<List<Integer>> epsilons = new ArrayList<>();
    int start;
    int accept;

    private final String pattern;
    private int pos;

    private PatternNfa(String pattern) {
        this.pattern = pattern;
    }

    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The automaton of {@code pattern}, or null when it uses a construct the analysis does not cover. */
    static @Nullable PatternNfa of(String pattern) {
        PatternNfa nfa = new PatternNfa(pattern);
        try {
            int[] fragment = nfa.alternation();
            if (nfa.pos != pattern.length()) {
                return null; // an unbalanced ')' would close jmx_exporter's wrapping group
            }
            nfa.start = fragment[0];
            nfa.accept = fragment[1];
            return nfa;
        } catch (Unsupported e) {
            return null;
        }
    }

    private int state() {
        edges.add(new ArrayList<>());
        epsilons.add(new ArrayList<>());
        return edges.size() - 1;
    }

    private void epsilon(int from, int to) {
        epsilons.get(from).add(to);
    }

    private int[] alternation() throws Unsupported {
        int[] first = sequence();
        if (pos >= pattern.length() || pattern.charAt(pos) != '|') {
            return first;
        }
        int start = state();
        int end = state();
        epsilon(start, first[0]);
        epsilon(first[1], end);
        while (pos < pattern.length() && pattern.charAt(pos) == '|') {
            pos++;
            int[] next = sequence();
            epsilon(start, next[0]);
            epsilon(next[1], end);
        }
        return new int[] {start, end};
    }

    private int[] sequence() throws Unsupported {
        int start = state();
        int end = start;
        while (pos < pattern.length() && pattern.charAt(pos) != '|' && pattern.charAt(pos) != ')') {
            int[] atom = quantified(atom());
            epsilon(end, atom[0]);
            end = atom[1];
        }
        return new int[] {start, end};
    }

    private int[] quantified(int[] atom) throws Unsupported {
        if (pos >= pattern.length()) {
            return atom;
        }
        char c = pattern.charAt(pos);
        int min;
        if (c == '*' || c == '?') {
            min = 0;
            pos++;
        } else if (c == '+') {
            min = 1;
            pos++;
        } else if (c == '{') {
            int close = pattern.indexOf('}', pos);
            if (close < 0 || !pattern.substring(pos + 1, close).matches("\\d+(,\\d*)?")) {
                throw new Unsupported();
            }
            min = Integer.parseInt(pattern.substring(pos + 1, close).split(",", -1)[0]);
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < pattern.length() && pattern.charAt(pos) == '+') {
            throw new Unsupported(); // possessive
        }
        if (pos < pattern.length() && pattern.charAt(pos) == '?') {
            pos++; // lazy: the same language
        }
        int start = state();
        int end = state();
        epsilon(start, atom[0]);
        epsilon(atom[1], end);
        epsilon(atom[1], atom[0]); // over-approximates {n,m} and ? by * or +
        if (min == 0) {
            epsilon(start, end);
        }
        return new int[] {start, end};
    }

    private int[] atom() throws Unsupported {
        char c = pattern.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                if (pattern.startsWith("?:", pos)) {
                    pos += 2;
                } else if (pattern.startsWith("?<", pos)
                        && pos + 2 < pattern.length()
                        && Character.isLetter(pattern.charAt(pos + 2))) {
                    pos = pattern.indexOf('>', pos) + 1;
                } else if (pattern.startsWith("?", pos)) {
                    throw new Unsupported(); // lookaround, atomic group, inline flags
                }
                int[] inner = alternation();
                if (pos >= pattern.length() || pattern.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return inner;
            }
            case '[' -> {
                return single(pattern.substring(pos, classEnd()));
            }
            case '\\' -> {
                return escape();
            }
            case '.' -> {
                pos++;
                return edge(COLON | SPACE | VALUE_CHARS);
            }
            case '^', '$', ')', '*', '+', '?', '{' -> throw new Unsupported();
            default -> {
                int codePoint = pattern.codePointAt(pos);
                pos += Character.charCount(codePoint);
                return edge(mask(Pattern.compile(Pattern.quote(new String(Character.toChars(codePoint))))));
            }
        }
    }

    private int classEnd() throws Unsupported {
        int i = pos;
        int depth = 0;
        do {
            if (i >= pattern.length()) {
                throw new Unsupported();
            }
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (pattern.startsWith("\\Q", i)) {
                    int quoteEnd = pattern.indexOf("\\E", i);
                    i = quoteEnd < 0 ? pattern.length() : quoteEnd + 2;
                } else {
                    i += 2;
                }
            } else if (c == '[') {
                depth++;
                i++;
                if (i < pattern.length() && pattern.charAt(i) == '^') {
                    i++;
                }
                if (i < pattern.length() && pattern.charAt(i) == ']') {
                    i++; // a ']' first in a class is literal
                }
            } else {
                if (c == ']') {
                    depth--;
                }
                i++;
            }
        } while (depth > 0);
        return i;
    }

    private int[] escape() throws Unsupported {
        if (pos + 1 >= pattern.length()) {
            throw new Unsupported();
        }
        char c = pattern.charAt(pos + 1);
        if (c == 'Q') {
            int quoteEnd = pattern.indexOf("\\E", pos + 2);
            String quoted = pattern.substring(pos + 2, quoteEnd < 0 ? pattern.length() : quoteEnd);
            pos = quoteEnd < 0 ? pattern.length() : quoteEnd + 2;
            int start = state();
            int end = start;
            for (int i = 0; i < quoted.length(); i++) {
                int[] literal = edge(mask(Pattern.compile(Pattern.quote(quoted.substring(i, i + 1)))));
                epsilon(end, literal[0]);
                end = literal[1];
            }
            return new int[] {start, end};
        }
        int end;
        if ("dDsSwWhHvVtnrfae".indexOf(c) >= 0) {
            end = pos + 2;
        } else if (c == 'x' || c == 'p' || c == 'P') {
            end = pattern.startsWith("{", pos + 2) ? pattern.indexOf('}', pos) + 1 : pos + (c == 'x' ? 4 : 3);
        } else if (c == 'u') {
            end = pos + 6;
        } else if (c == 'c') {
            end = pos + 3;
        } else if (c == '0') {
            end = pos + 2;
            while (end < pos + 5
                    && end < pattern.length()
                    && pattern.charAt(end) >= '0'
                    && pattern.charAt(end) <= '7') {
                end++;
            }
        } else if (Character.isLetterOrDigit(c)) {
            throw new Unsupported(); // boundaries, anchors, back references, \R, \X, \N, \k
        } else {
            end = pos + 2;
        }
        if (end <= pos || end > pattern.length()) {
            throw new Unsupported();
        }
        return single(pattern.substring(pos, end));
    }

    private int[] single(String atomText) throws Unsupported {
        try {
            Pattern atom = Pattern.compile(atomText);
            pos += atomText.length();
            return edge(mask(atom));
        } catch (PatternSyntaxException e) {
            throw new Unsupported();
        }
    }

    private static long mask(Pattern atom) {
        long mask = 0;
        for (int i = 0; i < SYMBOLS.length(); i++) {
            if (atom.matcher(SYMBOLS.substring(i, i + 1)).matches()) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    private int[] edge(long mask) {
        int from = state();
        int to = state();
        edges.get(from).add(new long[] {mask, to});
        return new int[] {from, to};
    }
}
