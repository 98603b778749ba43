package dev.perfplatform.ratelimit.spring.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address or CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code 2001:db8::/32}) of trusted proxies. */
public final class IpRange {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private IpRange(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /** Parses a literal address or CIDR range; host names are rejected (no DNS lookups). */
    public static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address, text);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length in '" + text + "'", e);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
        }
        return new IpRange(bytes, prefix, trimmed);
    }

    /** Whether {@code address} (a literal) lies in this range; false for anything unparsable. */
    public boolean contains(String address) {
        byte[] bytes;
        try {
            bytes = literal(address, address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest);
        return (bytes[full] & mask) == (network[full] & mask);
    }

    static byte[] literal(String address, String context) {
        String bare = address.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        boolean looksLiteral = !bare.isEmpty()
                && (bare.indexOf(':') >= 0 || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!looksLiteral) {
            throw new IllegalArgumentException("not an IP address literal: '" + context + "'");
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: '" + context + "'", e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
