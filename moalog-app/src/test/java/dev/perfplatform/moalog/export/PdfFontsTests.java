package dev.perfplatform.moalog.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which font files the export uses, and that an unusable regular face disables it rather than breaking glyphs. */
class PdfFontsTests {

    @TempDir
    Path dir;

    @Test
    void unsetTheBundledNanumGothicRegularAndBold() {
        PdfFonts.Faces faces = new PdfFonts(new PdfSettings(null, null)).require();

        assertThat(faces.regular().source()).isEqualTo("classpath:fonts/NanumGothic-Regular.ttf");
        assertThat(faces.bold().source()).isEqualTo("classpath:fonts/NanumGothic-Bold.ttf");
        assertThat(faces.regular().has('가')).isTrue();
        assertThat(faces.regular().has('힣')).isTrue();
        assertThat(faces.regular().has(0x1F600)).isFalse(); // no emoji: printed as '?'
    }

    @Test
    void aDirectoryWithoutABoldFaceUsesTheRegularOneForBold() throws IOException {
        Files.write(dir.resolve("Team-Regular.ttf"), bundled("NanumGothic-Regular.ttf"));

        PdfFonts.Faces faces = new PdfFonts(new PdfSettings(dir.toString(), "Team")).require();

        assertThat(faces.regular().source())
                .isEqualTo(dir.resolve("Team-Regular.ttf").toAbsolutePath().toString());
        assertThat(faces.bold()).isSameAs(faces.regular());
    }

    @Test
    void aMissingUnreadableOrNonKoreanRegularFaceMakesEveryExportTheFontError() throws IOException {
        Files.write(dir.resolve("Broken-Regular.ttf"), "not a font".getBytes(StandardCharsets.UTF_8));
        try (InputStream latin = PdfFontsTests.class
                .getClassLoader()
                .getResourceAsStream("org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            assertThat(latin).isNotNull();
            Files.write(dir.resolve("Latin-Regular.ttf"), latin.readAllBytes()); // a font without Hangul
        }

        for (PdfSettings settings : new PdfSettings[] {
            new PdfSettings(dir.toString(), null), // no NanumGothic-Regular.ttf there
            new PdfSettings(dir.toString(), "Broken"),
            new PdfSettings(dir.toString(), "Latin"),
            new PdfSettings(dir.resolve("no-such-dir").toString(), null),
            new PdfSettings(null, "NotBundled")
        }) {
            PdfFonts fonts = new PdfFonts(settings);
            assertThatThrownBy(fonts::require)
                    .as(settings.toString())
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PDF_FONT_MISSING));
        }
        assertThat(ErrorCode.PDF_FONT_MISSING.code()).isEqualTo("COMMON500");
        assertThat(ErrorCode.PDF_FONT_MISSING.status().value()).isEqualTo(500);
    }

    private static byte[] bundled(String file) throws IOException {
        try (InputStream in = PdfFontsTests.class.getClassLoader().getResourceAsStream("fonts/" + file)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
