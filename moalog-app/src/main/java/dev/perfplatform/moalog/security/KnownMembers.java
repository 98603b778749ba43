package dev.perfplatform.moalog.security;

import reactor.core.publisher.Mono;

/**
 * Whether a member still exists: an access token outlives a withdrawal by up to its lifetime, and a withdrawn member's
 * token must stop working at once. Implemented where members are stored.
 */
public interface KnownMembers {

    /** Whether member {@code memberId} exists now. */
    Mono<Boolean> exists(long memberId);
}
