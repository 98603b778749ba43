package dev.perfplatform.jmx.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One JVM to scrape through its Jolokia agent.
 *
 * @param name the target's name: the {@code target} label of its series and self-metrics, and {@code /probe?target=}
 * @param url the Jolokia agent's base URL, for example {@code http://127.0.0.1:8778/jolokia}
 * @param username the agent's basic-auth user, or null
 * @param password the agent's basic-auth password, or null
 * @param deadline how long one scrape of this target may take, connection included
 * @param labels extra labels added to every series of this target
 */
public record TargetConfig(
        String name,
        URI url,
        @Nullable String username,
        @Nullable String password,
        Duration deadline,
        Map<String, String> labels) {

    /** The deadline of a target that names none. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    public TargetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(deadline, "deadline");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** A target with no credentials, the default deadline and no extra labels. */
    public static TargetConfig of(String name, URI url) {
        return new TargetConfig(name, url, null, null, DEFAULT_DEADLINE, Map.of());
    }

    @Override
    public String toString() { // never the password
        return "TargetConfig[name=" + name + ", url=" + url + ", username=" + username + ", deadline=" + deadline
                + ", labels=" + labels + "]";
    }
}
