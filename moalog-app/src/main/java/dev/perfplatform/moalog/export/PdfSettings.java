package dev.perfplatform.moalog.export;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PDF export's font ({@code moalog.pdf.*}): {@code <fontDir>/<fontFamily>-Regular.ttf}, required, and
 * {@code <fontFamily>-Bold.ttf}, optional (the regular face stands in for it).
 *
 * @param fontDir the directory of the font files ({@code PDF_FONT_DIR}); unset or empty: the bundled fonts
 *     ({@code fonts/} on the class path: NanumGothic, SIL Open Font License)
 * @param fontFamily the files' name prefix ({@code PDF_FONT_FAMILY}, {@code NanumGothic} when unset or empty)
 */
@ConfigurationProperties("moalog.pdf")
public record PdfSettings(@Nullable String fontDir, String fontFamily) {

    /** The family of the bundled fonts, and the default. */
    public static final String BUNDLED_FAMILY = "NanumGothic";

    public PdfSettings {
        fontDir = fontDir == null || fontDir.isBlank() ? null : fontDir.strip();
        fontFamily = fontFamily == null || fontFamily.isBlank() ? BUNDLED_FAMILY : fontFamily.strip();
    }
}
