package dev.perfplatform.jmx.internal.rules;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether a rule pattern provably cannot see a numeric or boolean value, so that its match (and every
 * group it captures) depends only on the attribute's identity and may be cached.
 *
 * <p>jmx_exporter matches {@code ^.*(?:P).*$} against {@code X: v}, where {@code X} is
 * {@code domain<props><keys>attr} and {@code v} is the value. The greedy {@code .*} tries P at the last possible
 * start first. Every character of {@code v} is one of {@link PatternNfa#SYMBOLS}' value characters (digits,
 * {@code . + - E} and the letters of {@code NaN}, {@code Infinity}, {@code true}, {@code false}); neither
 * {@code ':'} nor {@code ' '} is. If no non-empty string of P's language ends inside {@code ": " v} (that is,
 * ends with {@code ':'}, or {@code ": "} plus value characters) and none lies wholly inside {@code " " v}, then
 * every match of P at any start lies within {@code X}, attempts starting later all fail, and the backtracking order
 * of P's own choices does not depend on the text; so the winning match and its groups are the same for every
 * value. A pattern that can match the empty string matches it at the end of the input, again the same for
 * every value. P's language is over-approximated ({@link PatternNfa}), which only makes the answer more often
 * "no". The caller must also make sure {@code X} holds no line terminator ({@code .} and {@code $} treat them
 * specially).
 */
final class ValueBlindness {

    // The forbidden suffix automaton: s0 -any-> s0, s0 -':'-> s1, s1 -' '-> s2, s2 -v-> s2;
    // t0 -' '-> t1, t1 -v-> t1, t0 -v-> t2, t2 -v-> t2. Accepting: s1, s2, t1, t2.
    private static final int S0 = 0;
    private static final int S1 = 1;
    private static final int S2 = 2;
    private static final int T0 = 3;
    private static final int T1 = 4;
    private static final int T2 = 5;
    private static final int STATES = 6;
    private static final long ANY = -1L;
    private static final long[][] FORBIDDEN = { // {from, symbols, to}
        {S0, ANY, S0},
        {S0, PatternNfa.COLON, S1},
        {S1, PatternNfa.SPACE, S2},
        {S2, PatternNfa.VALUE_CHARS, S2},
        {T0, PatternNfa.SPACE, T1},
        {T1, PatternNfa.VALUE_CHARS, T1},
        {T0, PatternNfa.VALUE_CHARS, T2},
        {T2, PatternNfa.VALUE_CHARS, T2},
    };

    private ValueBlindness() {}

    /** Whether matches of {@code pattern} (a rule's pattern, before jmx_exporter wraps it) never depend on a number or boolean value. */
    static boolean isValueBlind(String pattern) {
        PatternNfa nfa = PatternNfa.of(pattern);
        return nfa != null && !reachesForbidden(nfa);
    }

    private static boolean reachesForbidden(PatternNfa nfa) {
        int states = nfa.edges.size();
        boolean[] seen = new boolean[states * STATES];
        Deque<int[]> work = new ArrayDeque<>();
        push(work, seen, nfa.start, S0);
        push(work, seen, nfa.start, T0);
        while (!work.isEmpty()) {
            int[] pair = work.pop();
            int p = pair[0];
            int f = pair[1];
            if (p == nfa.accept && (f == S1 || f == S2 || f == T1 || f == T2)) {
                return true;
            }
            for (int to : nfa.epsilons.get(p)) {
                push(work, seen, to, f);
            }
            for (long[] edge : nfa.edges.get(p)) {
                for (long[] forbidden : FORBIDDEN) {
                    if (forbidden[0] == f && (forbidden[1] == ANY || (forbidden[1] & edge[0]) != 0)) {
                        push(work, seen, (int) edge[1], (int) forbidden[2]);
                    }
                }
            }
        }
        return false;
    }

    private static void push(Deque<int[]> work, boolean[] seen, int p, int f) {
        if (!seen[p * STATES + f]) {
            seen[p * STATES + f] = true;
            work.push(new int[] {p, f});
        }
    }
}
