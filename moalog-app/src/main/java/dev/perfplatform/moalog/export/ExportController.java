package dev.perfplatform.moalog.export;

import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ApiResponse;
import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.api.Envelopes;
import dev.perfplatform.moalog.security.CurrentMember;
import dev.perfplatform.moalog.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/retrospects/{id}/export}: the retrospect's report as a PDF download named
 * {@code retrospect_report_<id>_<yyyyMMdd_HHmmss>.pdf} (now, in the service's zone), never cached. Failures are the
 * usual envelopes.
 */
@RestController
public class ExportController {

    /** The original's {@code Cache-Control}: an export always reflects the data as it is now. */
    static final String NO_CACHE = "no-cache, no-store, must-revalidate";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final RetrospectExports exports;
    private final Envelopes envelopes;
    private final Clock clock;
    private final ZoneId zone;

    public ExportController(RetrospectExports exports, Envelopes envelopes, Clock clock, ApiTimes times) {
        this.exports = exports;
        this.envelopes = envelopes;
        this.clock = clock;
        this.zone = times.zone();
    }

    @GetMapping("/api/v1/retrospects/{retrospectId}/export")
    @Operation(
            summary = "The retrospect's report as a PDF (any member of its room)",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "200",
                            description = "the PDF, as an attachment",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                                            schema = @Schema(type = "string", format = "binary"))))
    public Mono<ResponseEntity<byte[]>> export(
            @Parameter(hidden = true) @CurrentMember SignedIn me, @PathVariable long retrospectId) {
        return exports.pdf(retrospectId, me.memberId()).map(pdf -> {
            String file = "retrospect_report_" + retrospectId + "_"
                    + STAMP.format(clock.instant().atZone(zone)) + ".pdf";
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename(file)
                                    .build()
                                    .toString())
                    .header(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                    .body(pdf);
        });
    }

    /**
     * The export's refusals as the usual envelope, marked JSON so that a client that accepts only the PDF is told why
     * (rather than {@code 406}).
     */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> refused(ApiException failure) {
        ResponseEntity<ApiResponse<Void>> envelope = envelopes.entity(failure);
        return ResponseEntity.status(envelope.getStatusCode())
                .headers(envelope.getHeaders())
                .contentType(MediaType.APPLICATION_JSON)
                .body(envelope.getBody());
    }
}
