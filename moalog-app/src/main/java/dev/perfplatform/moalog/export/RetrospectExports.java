package dev.perfplatform.moalog.export;

import dev.perfplatform.moalog.api.ApiTimes;
import dev.perfplatform.moalog.retrospect.RetrospectAccess;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A retrospect's PDF report, for any member of its room (anyone else: what {@link RetrospectAccess} answers for
 * reading it). Read in a fixed number of queries; laid out on {@link Schedulers#boundedElastic()}, never on the
 * event loop.
 */
@Service
public class RetrospectExports {

    private static final Logger log = LoggerFactory.getLogger(RetrospectExports.class);

    private final RetrospectAccess access;
    private final ReportQueries queries;
    private final PdfFonts fonts;
    private final ApiTimes times;

    RetrospectExports(RetrospectAccess access, ReportQueries queries, PdfFonts fonts, ApiTimes times) {
        this.access = access;
        this.queries = queries;
        this.fonts = fonts;
        this.times = times;
    }

    /** The report's PDF bytes; {@code RETRO4041} to a non-member, {@code COMMON500} without a usable font. */
    public Mono<byte[]> pdf(long retrospectId, long memberId) {
        return access.require(retrospectId, memberId).flatMap(visible -> {
            PdfFonts.Faces faces = fonts.require();
            return queries.report(visible.retrospect())
                    .flatMap(report ->
                            Mono.fromCallable(() -> render(report, faces)).subscribeOn(Schedulers.boundedElastic()));
        });
    }

    private byte[] render(RetrospectReport report, PdfFonts.Faces faces) throws IOException {
        long start = System.nanoTime();
        byte[] pdf = ReportPdf.render(report, faces, times.zone());
        log.debug(
                "retrospect {} exported: {} bytes in {} ms on {}",
                report.retrospectId(),
                pdf.length,
                (System.nanoTime() - start) / 1_000_000,
                Thread.currentThread().getName());
        return pdf;
    }
}
