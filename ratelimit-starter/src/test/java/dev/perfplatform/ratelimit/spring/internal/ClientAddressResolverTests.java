package dev.perfplatform.ratelimit.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTests {

    private final ClientAddressResolver resolver =
            new ClientAddressResolver(List.of(IpRange.parse("10.0.0.0/8"), IpRange.parse("::1")));

    @Test
    void ignoresForwardingHeadersFromAnUntrustedPeer() {
        assertThat(resolver.resolve("203.0.113.9", "198.51.100.1", "for=198.51.100.2"))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheFirstUntrustedHopFromTheRight() {
        assertThat(resolver.resolve("10.0.0.5", "198.51.100.7, 203.0.113.1, 10.1.2.3", null))
                .isEqualTo("203.0.113.1");
    }

    @Test
    void aClientCannotPrependItsOwnChoice() {
        // The client sent "1.2.3.4"; the trusted proxy appended the real address.
        assertThat(resolver.resolve("10.0.0.5", "1.2.3.4, 203.0.113.1", null)).isEqualTo("203.0.113.1");
    }

    @Test
    void readsTheStandardForwardedHeaderWithPortsAndIpv6() {
        assertThat(resolver.resolve("::1", null, "for=192.0.2.43:4711, for=\"[2001:db8:cafe::17]:4711\""))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(resolver.resolve("::1", null, "for=192.0.2.43:4711;proto=https"))
                .isEqualTo("192.0.2.43");
    }

    @Test
    void stopsAtAnUnknownOrObfuscatedHop() {
        assertThat(resolver.resolve("10.0.0.5", "unknown", null)).isEqualTo("10.0.0.5");
        assertThat(resolver.resolve("10.0.0.5", "198.51.100.7, _hidden", null)).isEqualTo("10.0.0.5");
    }

    @Test
    void fallsBackToTheLastTrustedHopWhenEveryHopIsTrusted() {
        assertThat(resolver.resolve("10.0.0.5", "10.9.9.9", null)).isEqualTo("10.9.9.9");
    }

    @Test
    void rangesMatchByPrefixAndRejectHostNames() {
        IpRange range = IpRange.parse("192.168.0.0/23");

        assertThat(range.contains("192.168.1.200")).isTrue();
        assertThat(range.contains("192.168.2.1")).isFalse();
        assertThat(range.contains("not-an-ip")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("proxy.internal"));
        assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse("10.0.0.0/33"));
    }
}
