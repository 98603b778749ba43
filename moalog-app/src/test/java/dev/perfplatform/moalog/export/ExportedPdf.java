package dev.perfplatform.moalog.export;

import dev.perfplatform.moalog.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A retrospect's export as a test reads it: the answer, and for a PDF its page count and text (read back with
 * PDFBox); for anything else the body as text.
 */
public record ExportedPdf(HttpResponse<byte[]> response, int pages, String text) {

    /** {@code GET /export} as {@code member} (its access token as a bearer token) on the app at {@code base}. */
    public static ExportedPdf fetch(String base, Browser member, long retrospect)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/retrospects/" + retrospect + "/export"))
                                .header("Authorization", "Bearer " + member.cookie("access_token"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            return new ExportedPdf(response, 0, new String(response.body(), StandardCharsets.UTF_8));
        }
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return new ExportedPdf(response, document.getNumberOfPages(), new PDFTextStripper().getText(document));
        }
    }
}
