package dev.perfplatform.fluxpay;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where this app answers: {@code fluxpay.public-base-url}, else its own loopback port (known only once the server
 * runs, so read per call). Used for checkout links and to reach the built-in PG simulator.
 */
@Component
public class SelfUrl {

    private final Environment environment;

    public SelfUrl(Environment environment) {
        this.environment = environment;
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return environment.getProperty(
                "fluxpay.public-base-url", "http://127.0.0.1:" + environment.getProperty("local.server.port", "8081"));
    }
}
