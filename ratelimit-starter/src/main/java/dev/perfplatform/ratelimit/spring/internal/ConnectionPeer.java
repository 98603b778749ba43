package dev.perfplatform.ratelimit.spring.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * The address of the connection itself and the forwarding headers as the client sent them. When the server rewrites
 * the remote address from {@code X-Forwarded-For} ({@code server.forward-headers-strategy=native}: Reactor Netty
 * believes any peer) or strips the headers ({@code framework}), the rewritten values would let a client choose its
 * own key; so on Reactor Netty both are read from the native request's connection.
 */
final class ConnectionPeer {

    private static final boolean REACTOR_NETTY =
            ClassUtils.isPresent("reactor.netty.http.server.HttpServerRequest", ConnectionPeer.class.getClassLoader());

    private ConnectionPeer() {}

    static ForwardedPeer of(ServerHttpRequest request) {
        if (REACTOR_NETTY) {
            ForwardedPeer peer = ReactorNettyPeer.of(ServerHttpRequestDecorator.getNativeRequest(request));
            if (peer != null) {
                return peer;
            }
        }
        return new ForwardedPeer(
                host(request.getRemoteAddress()),
                ForwardedPeer.joined(request.getHeaders().get("X-Forwarded-For")),
                ForwardedPeer.joined(request.getHeaders().get("Forwarded")));
    }

    static String host(@Nullable SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return "unknown";
    }

    /** Reactor Netty specifics, loaded only when Reactor Netty is present. */
    private static final class ReactorNettyPeer {
        static @Nullable ForwardedPeer of(Object nativeRequest) {
            if (nativeRequest instanceof reactor.netty.http.server.HttpServerRequest netty) {
                return new ForwardedPeer(
                        host(netty.connectionRemoteAddress()),
                        ForwardedPeer.joined(netty.requestHeaders().getAll("X-Forwarded-For")),
                        ForwardedPeer.joined(netty.requestHeaders().getAll("Forwarded")));
            }
            return null;
        }
    }
}
