package dev.perfplatform.fluxpay.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The SSRF guard: every forbidden address class, URL shapes, the allowlist, and the HTTP client's resolver. */
class WebhookUrlGuardTests {

    private final WebhookUrlGuard guard = guard();

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address",
        "127.10.20.30, a loopback address",
        "::1, a loopback address",
        "0.0.0.0, an unspecified address",
        "0.1.2.3, an unspecified address",
        "::, an unspecified address",
        "10.0.0.1, a private address",
        "10.255.255.255, a private address",
        "172.16.0.1, a private address",
        "172.31.255.254, a private address",
        "192.168.1.1, a private address",
        "169.254.169.254, a link-local address",
        "169.254.0.1, a link-local address",
        "fe80::1, a link-local address",
        "100.64.0.1, a carrier-grade NAT address",
        "100.127.255.254, a carrier-grade NAT address",
        "fc00::1, a unique-local address",
        "fd12:3456:789a::1, a unique-local address",
        "fec0::1, a private address",
        "224.0.0.251, a multicast address",
        "239.255.255.250, a multicast address",
        "ff02::1, a multicast address",
        "198.18.0.1, a benchmarking address",
        "192.0.0.8, an IETF protocol address",
        "240.0.0.1, a reserved address",
        "255.255.255.255, a reserved address",
        "::ffff:10.0.0.1, a private address",
        "::ffff:169.254.169.254, a link-local address",
        "::7f00:1, a loopback address embedded in an IPv6 address",
        "64:ff9b::a9fe:a9fe, a link-local address embedded in an IPv6 address",
        "2002:c0a8:0101::1, a private address embedded in an IPv6 address",
        "::ffff:0:10.0.0.1, a private address embedded in an IPv6 address",
        "::ffff:0:a9fe:a9fe, a link-local address embedded in an IPv6 address",
        "::ffff:0:7f00:1, a loopback address embedded in an IPv6 address",
        "64:ff9b:1::a9fe:a9fe, a local-use NAT64 address",
        "64:ff9b:1:a9fe:a9:fe00::, a local-use NAT64 address",
        "64:ff9b:1::808:808, a local-use NAT64 address",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, a Teredo address",
        "2001::a9fe:a9fe, a Teredo address",
        "2001:0:ffff:ffff::1, a Teredo address"
    })
    void refusesEveryForbiddenAddressClass(String address, String reason) throws Exception {
        assertThat(ForbiddenAddresses.reason(InetAddress.getByName(address))).isEqualTo(reason);
        assertThatThrownBy(() -> guard.check("https://" + bracketed(address) + "/hooks"))
                .isInstanceOf(WebhookDestinationRefusedException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("fluxpay.webhooks.allowed-hosts");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "172.32.0.1",
                "172.15.255.255",
                "100.128.0.1",
                "100.63.255.255",
                "192.169.0.1",
                "2606:4700:4700::1111",
                "64:ff9b::808:808",
                "2002:0808:0808::1",
                "::ffff:0:808:808",
                "2001:4860:4860::8888"
            })
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(ForbiddenAddresses.reason(InetAddress.getByName(address))).isNull();
        assertThat(guard.check("https://" + bracketed(address) + ":8443/hooks?x=1")
                        .getPort())
                .isEqualTo(8443);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://8.8.8.8/hooks",
                "file:///etc/passwd",
                "gopher://8.8.8.8/",
                "http:///no-host",
                "https://user:password@8.8.8.8/hooks",
                "not a url"
            })
    void refusesUrlsThatAreNotPlainHttp(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(WebhookDestinationRefusedException.class);
    }

    @Test
    void refusesAHostNameThatResolvesToLoopback() {
        assertThatThrownBy(() -> guard.check("http://localhost:8080/hooks"))
                .isInstanceOf(WebhookDestinationRefusedException.class)
                .hasMessageContaining("refused to send to localhost")
                .hasMessageContaining("loopback");
    }

    @Test
    void allowsListedHostsWhateverTheyResolveTo() throws Exception {
        WebhookUrlGuard allowing = guard("fluxpay.webhooks.allowed-hosts", " 127.0.0.1, LocalHost ");

        assertThat(allowing.check("http://127.0.0.1:9000/hooks").getHost()).isEqualTo("127.0.0.1");
        assertThat(allowing.check("http://localhost:9000/hooks").getHost()).isEqualTo("localhost");
        assertThatThrownBy(() -> allowing.check("http://10.0.0.1/hooks"))
                .isInstanceOf(WebhookDestinationRefusedException.class);
    }

    @Test
    void theHttpClientsResolverRefusesForbiddenAddressesItself() throws Exception {
        AddressResolver<InetSocketAddress> resolver =
                new GuardedAddressResolverGroup(guard).newResolver(GlobalEventExecutor.INSTANCE);

        Future<InetSocketAddress> loopback = resolver.resolve(InetSocketAddress.createUnresolved("localhost", 80))
                .await();
        Future<List<InetSocketAddress>> all = resolver.resolveAll(InetSocketAddress.createUnresolved("localhost", 80))
                .await();

        assertThat(loopback.cause()).isInstanceOf(WebhookDestinationRefusedException.class);
        assertThat(all.cause()).isInstanceOf(WebhookDestinationRefusedException.class);
        WebhookUrlGuard allowing = guard("fluxpay.webhooks.allowed-hosts", "localhost");
        Future<InetSocketAddress> allowed = new GuardedAddressResolverGroup(allowing)
                .newResolver(GlobalEventExecutor.INSTANCE)
                .resolve(InetSocketAddress.createUnresolved("localhost", 80))
                .await();
        assertThat(allowed.getNow().getAddress().isLoopbackAddress()).isTrue();
    }

    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private static WebhookUrlGuard guard(String... properties) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        WebhookSettings settings = new Binder(new MapConfigurationPropertySource(map))
                .bindOrCreate("fluxpay.webhooks", WebhookSettings.class);
        return new WebhookUrlGuard(settings);
    }
}
