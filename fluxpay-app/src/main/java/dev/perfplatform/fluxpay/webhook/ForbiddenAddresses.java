package dev.perfplatform.fluxpay.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * The address classes a webhook is never sent to, whatever a merchant's URL says: loopback, unspecified
 * ({@code 0.0.0.0}, {@code ::}), private (10/8, 172.16/12, 192.168/16), link-local (169.254/16 with the cloud metadata
 * endpoint, fe80::/10), carrier-grade NAT (100.64/10), unique-local (fc00::/7) and site-local (fec0::/10), multicast,
 * benchmarking (198.18/15) and reserved (240/4, broadcast) ranges; IPv4 addresses embedded in IPv6 (mapped
 * ::ffff:0:0/96, compatible, SIIT's translated ::ffff:0:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged as
 * the IPv4 address they carry, which is where they lead.
 *
 * <p>Two transition ranges are refused whole instead. Local-use NAT64 (64:ff9b:1::/48, RFC 8215) reaches IPv4 through
 * a translator of the operator's own network, with the IPv4 address at a place that depends on the prefix length
 * that network chose (RFC 6052), so it cannot be read reliably; and no public host is reached that way. Teredo
 * (2001::/32, RFC 4380) carries two IPv4 addresses (the relay's, and the client's obfuscated) and is reached through
 * relays nobody here controls; it is obsolete, and no merchant endpoint needs it.
 */
final class ForbiddenAddresses {

    private ForbiddenAddresses() {}

    /** Why {@code address} is refused, or null when it is a public address. */
    static @Nullable String reason(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Inet4Address embedded = embeddedIpv4(v6);
            if (embedded != null) {
                String reason = reason(embedded);
                return reason == null ? null : reason + " embedded in an IPv6 address";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4Reason(bytes) : ipv6Reason(bytes);
    }

    private static @Nullable String ipv4Reason(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return "an unspecified address";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "a carrier-grade NAT address";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "a benchmarking address";
        }
        if (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) {
            return "an IETF protocol address";
        }
        if (first >= 240) {
            return "a reserved address";
        }
        return null;
    }

    private static @Nullable String ipv6Reason(byte[] bytes) {
        if ((bytes[0] & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        if (startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
            return "a local-use NAT64 address";
        }
        if (startsWith(bytes, 0x20, 0x01, 0x00, 0x00)) {
            return "a Teredo address";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, SIIT, NAT64, 6to4), or null. */
    private static @Nullable Inet4Address embeddedIpv4(Inet6Address address) {
        byte[] bytes = address.getAddress();
        int offset = -1;
        if (allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            offset = 12; // ::ffff:a.b.c.d
        } else if (allZero(bytes, 0, 12) && !allZero(bytes, 12, 16)) {
            offset = 12; // ::a.b.c.d (deprecated compatible form); :: and ::1 are judged as IPv6
            if (allZero(bytes, 12, 15) && bytes[15] == 1) {
                return null;
            }
        } else if (allZero(bytes, 0, 8)
                && (bytes[8] & 0xff) == 0xff
                && (bytes[9] & 0xff) == 0xff
                && allZero(bytes, 10, 12)) {
            offset = 12; // ::ffff:0:a.b.c.d (SIIT's IPv4-translated address)
        } else if ((bytes[0] & 0xff) == 0x00
                && (bytes[1] & 0xff) == 0x64
                && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b
                && allZero(bytes, 4, 12)) {
            offset = 12; // 64:ff9b::a.b.c.d
        } else if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            offset = 2; // 2002:aabb:ccdd::
        }
        if (offset < 0) {
            return null;
        }
        byte[] v4 = new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
