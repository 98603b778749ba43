package dev.perfplatform.moalog.export;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import dev.perfplatform.moalog.retrospect.RetrospectController;
import dev.perfplatform.moalog.retrospect.RetrospectMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The export's two faces, read once at start-up: {@code <dir>/<family>-Regular.ttf} (required) and
 * {@code <family>-Bold.ttf} (optional: the regular face stands in), from {@code PDF_FONT_DIR}, or the bundled
 * NanumGothic when it is unset. A regular face that is missing, unreadable, not a TrueType font or without glyphs for
 * the report's own text (ASCII, the five formats' questions, {@value RetrospectController#WITHDRAWN}) is announced
 * by a {@code WARN} naming the file and the variables, and every export then fails with
 * {@link ErrorCode#PDF_FONT_MISSING}: a PDF of missing glyphs is never made.
 */
@Component
public class PdfFonts {

    private static final Logger log = LoggerFactory.getLogger(PdfFonts.class);

    /** Where the bundled fonts are on the class path. */
    static final String BUNDLED_DIR = "fonts/";

    /** One face: the font file's bytes, parsed anew for each document, and the code points it has glyphs for. */
    public static final class Face {

        private final String source;
        private final byte[] bytes;
        private final BitSet coverage;

        Face(String source, byte[] bytes, BitSet coverage) {
            this.source = source;
            this.bytes = bytes;
            this.coverage = coverage;
        }

        /** The file, or the class-path resource, it was read from. */
        public String source() {
            return source;
        }

        /** A new reader over the font file's bytes (shared, never copied, never written). */
        RandomAccessReadBuffer read() {
            return new RandomAccessReadBuffer(bytes);
        }

        /** Whether the face has a glyph for {@code codePoint}. */
        public boolean has(int codePoint) {
            return coverage.get(codePoint);
        }
    }

    /** The regular and the bold face (the same face when there is no bold one). */
    public record Faces(Face regular, Face bold) {}

    private final @Nullable Faces faces;

    public PdfFonts(PdfSettings settings) {
        this.faces = load(settings);
    }

    /** The faces; {@code PDF_FONT_MISSING} when the configured font could not be read at start-up. */
    public Faces require() {
        if (faces == null) {
            throw new ApiException(ErrorCode.PDF_FONT_MISSING);
        }
        return faces;
    }

    private static @Nullable Faces load(PdfSettings settings) {
        long start = System.nanoTime();
        String family = settings.fontFamily();
        String dir = settings.fontDir();
        String configured =
                "PDF_FONT_DIR=" + (dir == null ? "(unset: the bundled fonts)" : dir) + ", PDF_FONT_FAMILY=" + family;
        Face regular;
        try {
            regular = face(read(dir, family + "-Regular.ttf"));
        } catch (FontProblem problem) {
            log.warn(
                    "PDF export is unavailable: the font {} {} ({}). Every export answers {} {} until"
                            + " <PDF_FONT_DIR>/<PDF_FONT_FAMILY>-Regular.ttf is a TrueType font with Korean glyphs"
                            + " (both unset: the bundled NanumGothic).",
                    problem.source,
                    problem.getMessage(),
                    configured,
                    ErrorCode.PDF_FONT_MISSING.status().value(),
                    ErrorCode.PDF_FONT_MISSING.code());
            return null;
        }
        Face bold;
        try {
            bold = face(read(dir, family + "-Bold.ttf"));
        } catch (FontProblem problem) {
            if (problem.missing) {
                log.info(
                        "PDF export: no bold face {} ({}); bold text uses the regular face",
                        problem.source,
                        configured);
            } else {
                log.warn(
                        "PDF export: the bold face {} {} ({}); bold text uses the regular face",
                        problem.source,
                        problem.getMessage(),
                        configured);
            }
            bold = regular;
        }
        log.info(
                "PDF export font: {} and {} (read in {} ms)",
                regular.source(),
                bold.source(),
                (System.nanoTime() - start) / 1_000_000);
        return new Faces(regular, bold);
    }

    /** A font file's bytes and where they came from. */
    private static final class Bytes {

        final String source;
        final byte[] bytes;

        Bytes(String source, byte[] bytes) {
            this.source = source;
            this.bytes = bytes;
        }
    }

    private static Bytes read(@Nullable String dir, String file) throws FontProblem {
        if (dir == null) {
            ClassPathResource resource = new ClassPathResource(BUNDLED_DIR + file);
            String source = "classpath:" + BUNDLED_DIR + file;
            if (!resource.exists()) {
                throw new FontProblem(source, true, "is not among the bundled fonts");
            }
            try (InputStream in = resource.getInputStream()) {
                return new Bytes(source, in.readAllBytes());
            } catch (IOException e) {
                throw new FontProblem(source, false, "could not be read: " + e);
            }
        }
        Path path = Path.of(dir).resolve(file).toAbsolutePath();
        try {
            return new Bytes(path.toString(), Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new FontProblem(path.toString(), true, "does not exist");
        } catch (IOException | RuntimeException e) {
            throw new FontProblem(path.toString(), false, "could not be read: " + e);
        }
    }

    private static Face face(Bytes file) throws FontProblem {
        BitSet coverage = new BitSet();
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file.bytes))) {
            CmapLookup cmap = font.getUnicodeCmapLookup(false);
            for (int glyph = 1; glyph < font.getNumberOfGlyphs(); glyph++) {
                List<Integer> codePoints = cmap.getCharCodes(glyph);
                if (codePoints != null) {
                    codePoints.forEach(coverage::set);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new FontProblem(file.source, false, "is not a usable TrueType font: " + e);
        }
        int missing = firstMissing(coverage);
        if (missing >= 0) {
            throw new FontProblem(
                    file.source,
                    false,
                    "has no glyph for U+" + String.format("%04X", missing) + " '" + Character.toString(missing)
                            + "', which every report prints");
        }
        return new Face(file.source, file.bytes, coverage);
    }

    /** The first character of the report's own text the font has no glyph for, or -1. */
    static int firstMissing(BitSet coverage) {
        StringBuilder own = new StringBuilder(RetrospectController.WITHDRAWN);
        for (char c = ' '; c <= '~'; c++) {
            own.append(c);
        }
        for (RetrospectMethod method : RetrospectMethod.values()) {
            method.questions().forEach(own::append);
        }
        return own.codePoints()
                .filter(codePoint -> !coverage.get(codePoint))
                .findFirst()
                .orElse(-1);
    }

    /** Why a font file cannot be used. */
    private static final class FontProblem extends Exception {

        private static final long serialVersionUID = 1L;

        private final String source;
        private final boolean missing;

        FontProblem(String source, boolean missing, String message) {
            super(message, null, false, false);
            this.source = source;
            this.missing = missing;
        }
    }
}
