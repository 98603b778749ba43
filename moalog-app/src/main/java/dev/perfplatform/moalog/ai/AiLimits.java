package dev.perfplatform.moalog.ai;

import reactor.core.publisher.Mono;

/**
 * Where a member's monthly AI limits come from: the one seam plans plug into. Until they do, every member has the
 * FREE plan's limits ({@link #FREE}).
 */
public interface AiLimits {

    /** No limit. */
    int UNLIMITED = -1;

    /** The FREE plan: three analyses and three guides a month. */
    AiLimits FREE = (memberId, feature) -> Mono.just(3);

    /** How many times {@code memberId} may use {@code feature} per calendar month, or {@link #UNLIMITED}. */
    Mono<Integer> monthly(long memberId, AiFeature feature);
}
