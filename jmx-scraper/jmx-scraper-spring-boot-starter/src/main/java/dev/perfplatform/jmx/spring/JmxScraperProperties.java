package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.TargetConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** Configuration of the JMX scraper under {@code jmx.scraper.*}. */
@ConfigurationProperties("jmx.scraper")
public class JmxScraperProperties {

    /** Whether the scraper is auto-configured at all. */
    private boolean enabled = true;

    /** The JVMs to scrape through their Jolokia agents; no scraper without one. */
    private List<Target> targets = new ArrayList<>();

    /**
     * A jmx_exporter rules file (YAML) applied unchanged to every target, e.g. classpath:jmx-rules.yml; without it
     * jmx_exporter's default rule (every attribute in the default format).
     */
    private @Nullable Resource rules;

    /** At most this many targets are read at once. */
    private int threads = JmxScraper.DEFAULT_THREADS;

    /** Merging into /actuator/prometheus. */
    private final Prometheus prometheus = new Prometheus();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<Target> getTargets() {
        return targets;
    }

    public void setTargets(List<Target> targets) {
        this.targets = targets;
    }

    public @Nullable Resource getRules() {
        return rules;
    }

    public void setRules(@Nullable Resource rules) {
        this.rules = rules;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public Prometheus getPrometheus() {
        return prometheus;
    }

    /** One JVM to scrape. */
    public static class Target {

        /** The target's name: the target label of its series and the target parameter of the endpoint. */
        private @Nullable String name;

        /** The Jolokia agent's base URL, e.g. http://127.0.0.1:8778/jolokia. */
        private @Nullable URI url;

        /** The agent's basic-auth user. */
        private @Nullable String username;

        /** The agent's basic-auth password. */
        private @Nullable String password;

        /** How long one scrape of this target may take, connection included. */
        private Duration deadline = TargetConfig.DEFAULT_DEADLINE;

        /** Extra labels added to every series of this target. */
        private Map<String, String> labels = new LinkedHashMap<>();

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }

        public @Nullable URI getUrl() {
            return url;
        }

        public void setUrl(@Nullable URI url) {
            this.url = url;
        }

        public @Nullable String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        public Duration getDeadline() {
            return deadline;
        }

        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }

        public Map<String, String> getLabels() {
            return labels;
        }

        public void setLabels(Map<String, String> labels) {
            this.labels = labels;
        }

        @Override
        public String toString() { // never the password
            return "Target[name=" + name + ", url=" + url + ", username=" + username + ", deadline=" + deadline
                    + ", labels=" + labels + "]";
        }
    }

    /** Merging the scraped families into Micrometer's Prometheus registry. */
    public static class Prometheus {

        /**
         * Whether the scraped families are also served at /actuator/prometheus (a family named like an existing
         * meter is dropped there and counted in jmx.scraper.merge.dropped.families).
         */
        private boolean merge;

        public boolean isMerge() {
            return merge;
        }

        public void setMerge(boolean merge) {
            this.merge = merge;
        }
    }
}
