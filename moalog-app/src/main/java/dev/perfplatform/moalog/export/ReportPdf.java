package dev.perfplatform.moalog.export;

import dev.perfplatform.moalog.retrospect.RetrospectMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A retrospect's report as a PDF, in the original's layout: A4, 15 mm margins, the title, "Basic Information", the
 * room's insight once analysed, "Questions &amp; Answers" and "Personal Insights". Text wraps by the measured width of
 * its glyphs and flows onto as many pages as it needs. The fonts are embedded as subsets of the glyphs used;
 * characters a face has no glyph for are printed as {@code ?}. Blocking CPU work: never on the event loop.
 */
final class ReportPdf {

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 15 * MM;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float INDENT = 5 * MM;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReportPdf() {}

    /** The display name of a format, as the original prints it. */
    static String methodName(RetrospectMethod method) {
        return switch (method) {
            case KPT -> "KPT";
            case FOUR_L -> "4L";
            case FIVE_F -> "5F";
            case PMI -> "PMI";
            case FREE -> "Free";
        };
    }

    static byte[] render(RetrospectReport report, PdfFonts.Faces faces, ZoneId zone) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, faces.regular().read(), true, false);
            PDType0Font bold = faces.bold() == faces.regular()
                    ? regular
                    : PDType0Font.load(document, faces.bold().read(), true, false);
            Style title = new Style(bold, faces.bold(), 18);
            Style section = new Style(bold, faces.bold(), 14);
            Style strong = new Style(bold, faces.bold(), 11);
            Style body = new Style(regular, faces.regular(), 10.5f);
            String heading = report.title() + " - Retrospect Report";
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(heading);
            info.setCreator("moalog");

            try (Flow flow = new Flow(document)) {
                flow.paragraph(title, 0, heading);
                flow.space(4 * MM);

                flow.paragraph(section, 0, "Basic Information");
                flow.space(1 * MM);
                flow.paragraph(body, 0, "Retro Room: " + report.roomTitle());
                flow.paragraph(
                        body, 0, "Date: " + DATE.format(report.startTime().atZone(zone)));
                flow.paragraph(body, 0, "Method: " + methodName(report.method()));
                flow.paragraph(body, 0, "Participants (" + report.participants().size() + "):");
                for (String participant : report.participants()) {
                    flow.paragraph(body, INDENT, "- " + participant);
                }

                String insight = report.insight();
                if (insight != null) {
                    flow.space(4 * MM);
                    flow.paragraph(section, 0, "Retro Room Insight");
                    flow.space(1 * MM);
                    flow.paragraph(body, 0, insight);
                }

                flow.space(4 * MM);
                flow.paragraph(section, 0, "Questions & Answers");
                for (int question = 1; question <= RetrospectMethod.QUESTIONS; question++) {
                    flow.space(2 * MM);
                    flow.paragraph(
                            strong, 0, "Q" + question + ". " + report.method().question(question));
                    boolean any = false;
                    for (RetrospectReport.Answer answer : report.answers()) {
                        if (answer.question() == question) {
                            flow.paragraph(body, INDENT, "- [" + answer.author() + "] " + answer.content());
                            any = true;
                        }
                    }
                    if (!any) {
                        flow.paragraph(body, INDENT, "(No answers)");
                    }
                }

                List<RetrospectReport.PersonalInsight> personal = report.personalInsights();
                if (!personal.isEmpty()) {
                    flow.space(4 * MM);
                    flow.paragraph(section, 0, "Personal Insights");
                    for (RetrospectReport.PersonalInsight each : personal) {
                        flow.space(2 * MM);
                        flow.paragraph(strong, 0, each.author());
                        flow.paragraph(body, INDENT, each.insight());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A font at a size, with the face that says which characters it can draw. */
    private record Style(PDType0Font font, PdfFonts.Face face, float size) {

        float leading() {
            return size * 1.45f;
        }

        float width(String text) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The text with what the face cannot draw replaced: tabs by spaces, other controls dropped, others '?'. */
        String drawable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                if (codePoint == '\t') {
                    out.append("    ");
                } else if (!Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.FORMAT) {
                    out.appendCodePoint(face.has(codePoint) ? codePoint : '?');
                }
            });
            return out.toString();
        }
    }

    /** Lines of text down the pages: a new page whenever the next line does not fit above the bottom margin. */
    private static final class Flow implements AutoCloseable {

        private final PDDocument document;
        private PDPageContentStream content;
        private float cursor;

        Flow(PDDocument document) throws IOException {
            this.document = document;
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            this.content = new PDPageContentStream(document, page);
            this.cursor = PAGE.getHeight() - MARGIN;
        }

        /** The text, each of its lines wrapped to the width left of {@code indent}. */
        void paragraph(Style style, float indent, String text) throws IOException {
            for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
                for (String wrapped : Wrap.lines(style.drawable(line), WIDTH - indent, style::width)) {
                    line(style, indent, wrapped);
                }
            }
        }

        void space(float points) {
            if (cursor < PAGE.getHeight() - MARGIN) { // never at the top of a page
                cursor -= points;
            }
        }

        private void line(Style style, float indent, String text) throws IOException {
            if (cursor - style.leading() < MARGIN) {
                content.close();
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                content = new PDPageContentStream(document, page);
                cursor = PAGE.getHeight() - MARGIN;
            }
            float baseline = cursor - style.size();
            cursor -= style.leading();
            if (text.isBlank()) {
                return;
            }
            content.beginText();
            content.setFont(style.font(), style.size());
            content.newLineAtOffset(MARGIN + indent, baseline);
            content.showText(text);
            content.endText();
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
