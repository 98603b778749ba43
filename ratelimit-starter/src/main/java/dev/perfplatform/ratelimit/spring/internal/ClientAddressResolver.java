package dev.perfplatform.ratelimit.spring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The client address behind trusted proxies. {@code X-Forwarded-For} and {@code Forwarded} are read only when the
 * peer that connected is a trusted proxy; then the chain is walked from the right, skipping trusted proxies, and the
 * first untrusted hop is the client. A client that sends the headers itself is keyed by its own address.
 */
public final class ClientAddressResolver {

    private final List<IpRange> trusted;

    /** Trusting {@code trustedProxies} (addresses or CIDR ranges). */
    public ClientAddressResolver(List<IpRange> trustedProxies) {
        this.trusted = List.copyOf(trustedProxies);
    }

    /** The client address behind {@code peer}. */
    public String resolve(ForwardedPeer peer) {
        return resolve(peer.address(), peer.forwardedFor(), peer.forwarded());
    }

    /**
     * The client address for a connection from {@code peer} carrying these headers (either may be null).
     *
     * @param peer the address of the connection itself, never a forwarded one
     */
    public String resolve(String peer, @Nullable String forwardedFor, @Nullable String forwarded) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwarded != null ? forwardedHops(forwarded) : forwardedForHops(forwardedFor);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteral(hop)) {
                return client; // "unknown" or an obfuscated identifier: stop at the last address we could check
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        for (IpRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLiteral(String hop) {
        try {
            IpRange.literal(hop, hop);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> forwardedForHops(@Nullable String header) {
        List<String> hops = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",", -1)) { // empty parts are skipped below
                if (!part.isBlank()) {
                    hops.add(stripPort(part.strip()));
                }
            }
        }
        return hops;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    private static List<String> forwardedHops(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",", -1)) { // empty elements hold no for=
            for (String pair : element.split(";", -1)) {
                String[] nameValue = pair.strip().split("=", 2);
                if (nameValue.length == 2
                        && nameValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                    hops.add(stripPort(nameValue[1].strip().replace("\"", "")));
                }
            }
        }
        return hops;
    }

    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
