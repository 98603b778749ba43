package dev.perfplatform.moalog.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.moalog.Browser;
import dev.perfplatform.moalog.MoalogApplicationTestBase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An app whose {@code PDF_FONT_DIR} holds no font: it starts (everything else works), says so at start-up naming the
 * file and the variable, and answers every export with {@code COMMON500} in the envelope rather than a PDF without
 * glyphs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExportWithoutFontIntegrationTests extends MoalogApplicationTestBase {

    @TempDir
    static Path emptyFontDir;

    @DynamicPropertySource
    static void fontProperties(DynamicPropertyRegistry registry) {
        registry.add("PDF_FONT_DIR", () -> emptyFontDir.toString());
    }

    @Test
    void theStartWarnsAndAnExportAnswersTheFontError(CapturedOutput output) {
        Browser owner = member("fontOwner");
        RoomRef room = createRoom(owner, "font room");
        long retrospect = createRetrospect(owner, room.id(), "KPT", 1);

        HttpResponse<String> export = owner.get("/api/v1/retrospects/" + retrospect + "/export");

        assertThat(export.statusCode()).isEqualTo(500);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(body(export).path("isSuccess").asBoolean()).isFalse();
        assertThat(body(export).path("code").asString()).isEqualTo("COMMON500");
        assertThat(body(export).path("message").asString())
                .isEqualTo("PDF 글꼴을 사용할 수 없어 PDF를 만들 수 없습니다. 관리자에게 문의 바랍니다.");
        assertThat(body(export).path("result").isNull()).isTrue();
        String font =
                emptyFontDir.resolve("NanumGothic-Regular.ttf").toAbsolutePath().toString();
        assertThat(output.getOut())
                .containsPattern("WARN .*PDF export is unavailable: the font " + java.util.regex.Pattern.quote(font)
                        + " does not exist \\(PDF_FONT_DIR=.*PDF_FONT_FAMILY=NanumGothic\\)");
        // the rest of the app works, and an outsider still learns nothing
        assertThat(owner.get("/api/v1/retrospects/" + retrospect).statusCode()).isEqualTo(200);
        assertThat(member("fontOutsider")
                        .get("/api/v1/retrospects/" + retrospect + "/export")
                        .statusCode())
                .isEqualTo(404);
    }
}
