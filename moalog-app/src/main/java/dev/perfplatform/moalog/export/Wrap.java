package dev.perfplatform.moalog.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a paragraph into lines no wider than a given width, by the measured width of its glyphs: at spaces, and
 * inside a word only when the word alone is wider than a line. Nothing is dropped but the spaces lines break at.
 */
final class Wrap {

    /** The width of a text as it will be drawn. */
    @FunctionalInterface
    interface Measure {
        float width(String text);
    }

    private Wrap() {}

    /** The lines of {@code paragraph} (no line breaks in it); one empty line for an empty paragraph. */
    static List<String> lines(String paragraph, float width, Measure measure) {
        List<String> lines = new ArrayList<>();
        float space = measure.width(" ");
        StringBuilder line = new StringBuilder();
        float used = 0;
        boolean first = true;
        for (String word : paragraph.split(" ", -1)) {
            float wordWidth = measure.width(word);
            if (first) {
                first = false;
            } else if (used + space + wordWidth <= width) {
                line.append(' ');
                used += space;
            } else {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (used + wordWidth <= width) {
                line.append(word);
                used += wordWidth;
                continue;
            }
            // a word wider than a whole line: as much of it as fits on each line, at least one glyph
            int start = 0;
            while (start < word.length()) {
                int end = start;
                float taken = 0;
                while (end < word.length()) {
                    int next = word.offsetByCodePoints(end, 1);
                    float glyph = measure.width(word.substring(end, next));
                    if (taken + glyph > width && end > start) {
                        break;
                    }
                    taken += glyph;
                    end = next;
                }
                line.append(word, start, end);
                used = taken;
                start = end;
                if (start < word.length()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
