package dev.perfplatform.ratelimit.spring.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Records the connection's peer address and the forwarding headers as request attributes before any other engine
 * valve (Tomcat's {@code RemoteIpValve} in particular) rewrites them.
 */
public final class TomcatPeerValve extends ValveBase {

    /** An async-supported valve. */
    public TomcatPeerValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(ServletPeer.ADDRESS, request.getRemoteAddr());
        @Nullable String forwardedFor = ForwardedPeer.joined(request.getHeaders("X-Forwarded-For"));
        if (forwardedFor != null) {
            request.setAttribute(ServletPeer.FORWARDED_FOR, forwardedFor);
        }
        @Nullable String forwarded = ForwardedPeer.joined(request.getHeaders("Forwarded"));
        if (forwarded != null) {
            request.setAttribute(ServletPeer.FORWARDED, forwarded);
        }
        getNext().invoke(request, response);
    }

    /** Adds the valve first, ahead of the valves Boot's own customizers add. */
    public static final class Customizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addEngineValves(new TomcatPeerValve());
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
