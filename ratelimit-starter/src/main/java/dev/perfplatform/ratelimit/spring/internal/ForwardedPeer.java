package dev.perfplatform.ratelimit.spring.internal;

import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;

/**
 * What a connection says about its client: the peer address of the connection itself (never a forwarded one) and
 * the forwarding headers as the peer sent them. {@link ClientAddressResolver} decides what to believe.
 *
 * @param address the connection's peer address
 * @param forwardedFor the {@code X-Forwarded-For} header, all its lines joined, or null
 * @param forwarded the RFC 7239 {@code Forwarded} header, all its lines joined, or null
 */
public record ForwardedPeer(
        String address,
        @Nullable String forwardedFor,
        @Nullable String forwarded) {

    /**
     * The lines of one header as one value: joined in order with commas, as RFC 9110 §5.3 makes them equivalent. A
     * proxy that adds its own line (HAProxy does) puts the address it saw in the last line; reading only the first
     * would let a client choose its own key.
     *
     * @return null without any line
     */
    static @Nullable String joined(@Nullable Iterable<String> lines) {
        if (lines == null) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String line : lines) {
            if (joined.length() > 0) {
                joined.append(", ");
            }
            joined.append(line);
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    static @Nullable String joined(@Nullable Enumeration<String> lines) {
        return lines == null ? null : joined(Collections.list(lines));
    }
}
