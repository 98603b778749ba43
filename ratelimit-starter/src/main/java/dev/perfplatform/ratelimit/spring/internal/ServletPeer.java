package dev.perfplatform.ratelimit.spring.internal;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The connection's own peer address and the forwarding headers as the client sent them. {@code
 * server.forward-headers-strategy=framework} wraps the request and hides the headers: the innermost request still
 * has them. {@code native} on Tomcat rewrites the address and the headers in place (trusting private ranges by
 * default): {@link TomcatPeerValve} records the originals first.
 */
final class ServletPeer {

    static final String ADDRESS = ServletPeer.class.getName() + ".address";
    static final String FORWARDED_FOR = ServletPeer.class.getName() + ".forwardedFor";
    static final String FORWARDED = ServletPeer.class.getName() + ".forwarded";

    private ServletPeer() {}

    static ForwardedPeer of(HttpServletRequest request) {
        if (request.getAttribute(ADDRESS) instanceof String address) {
            return new ForwardedPeer(address, attribute(request, FORWARDED_FOR), attribute(request, FORWARDED));
        }
        ServletRequest innermost = request;
        while (innermost instanceof ServletRequestWrapper wrapper) {
            innermost = wrapper.getRequest();
        }
        HttpServletRequest original = innermost instanceof HttpServletRequest http ? http : request;
        return new ForwardedPeer(
                original.getRemoteAddr(),
                ForwardedPeer.joined(original.getHeaders("X-Forwarded-For")),
                ForwardedPeer.joined(original.getHeaders("Forwarded")));
    }

    private static @Nullable String attribute(HttpServletRequest request, String name) {
        return request.getAttribute(name) instanceof String value ? value : null;
    }
}
