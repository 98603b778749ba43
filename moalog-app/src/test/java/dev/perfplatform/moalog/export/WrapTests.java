package dev.perfplatform.moalog.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line breaking by measured width, with a measure of one unit per character and two per Hangul syllable. */
class WrapTests {

    private static final Wrap.Measure UNITS = text -> (float) text.codePoints()
            .map(codePoint -> codePoint >= 0xAC00 && codePoint <= 0xD7A3 ? 2 : 1)
            .sum();

    @Test
    void breaksAtSpacesByWidthNotByCharacters() {
        assertThat(Wrap.lines("aaa bbb ccc", 7, UNITS)).containsExactly("aaa bbb", "ccc");
        assertThat(Wrap.lines("가나 다라 마바", 9, UNITS)).containsExactly("가나 다라", "마바");
        assertThat(Wrap.lines("가나 다라 마바", 8, UNITS)).containsExactly("가나", "다라", "마바");
    }

    @Test
    void breaksAWordWiderThanALineInsideItAndLosesNothing() {
        assertThat(Wrap.lines("ab 가나다라마바사 c", 6, UNITS)).containsExactly("ab", "가나다", "라마바", "사 c");
        assertThat(Wrap.lines("abcdefghij", 4, UNITS)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void drawsAtLeastOneCharacterPerLineEvenIfItIsWiderThanTheLine() {
        assertThat(Wrap.lines("가나", 1, UNITS)).containsExactly("가", "나");
    }

    @Test
    void keepsShortTextEmptyTextAndLeadingSpaces() {
        assertThat(Wrap.lines("", 10, UNITS)).containsExactly("");
        assertThat(Wrap.lines("  indented", 20, UNITS)).containsExactly("  indented");
        assertThat(Wrap.lines("fits exactly", 12, UNITS)).isEqualTo(List.of("fits exactly"));
    }
}
