package dev.perfplatform.moalog;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Where this app answers on loopback (its port is known only once the server runs, so read per call). */
@Component
public class SelfUrl {

    private final Environment environment;

    public SelfUrl(Environment environment) {
        this.environment = environment;
    }

    /** The base URL without a trailing slash. */
    public String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    }
}
