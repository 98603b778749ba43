package dev.perfplatform.ratelimit.spring.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a connection says about its client: the peer address of the connection itself (never a forwarded one) and
 * the forwarding headers as the peer sent them. {@link ClientAddressResolver} decides what to believe.
 *
 * @param address the connection's peer address
 * @param forwardedFor the {@code X-Forwarded-For} header, or null
 * @param forwarded the RFC 7239 {@code Forwarded} header, or null
 */
public record ForwardedPeer(
        String address,
        @Nullable String forwardedFor,
        @Nullable String forwarded) {}
