package dev.perfplatform.moalog.ai;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The model behind the AI features. Its failures are {@link dev.perfplatform.moalog.api.ApiException}s with the AI
 * codes ({@code AI5001}, {@code AI5002}, {@code AI5003}, {@code AI5031}).
 */
public interface Analyst {

    Mono<Analysis> analyse(AnalysisInput input);

    /** One to three guides. */
    Mono<List<Guide>> guide(GuideInput input);

    /** Whether this is the offline model (a stand-in). */
    boolean offline();
}
