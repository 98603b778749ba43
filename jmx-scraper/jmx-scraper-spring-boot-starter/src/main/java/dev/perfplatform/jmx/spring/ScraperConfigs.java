package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.config.ConfigLoader;
import dev.perfplatform.jmx.config.Loaded;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/** The one place {@code jmx.scraper.*} becomes a {@link ScraperConfig}; mistakes fail start-up naming the property. */
final class ScraperConfigs {

    private static final Log log = LogFactory.getLog(ScraperConfigs.class);

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private ScraperConfigs() {}

    /** The properties as the scraper's configuration. */
    static ScraperConfig from(JmxScraperProperties properties) {
        if (properties.getThreads() < 1) {
            throw new IllegalStateException("jmx.scraper.threads must be at least 1: " + properties.getThreads());
        }
        List<TargetConfig> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JmxScraperProperties.Target> configured = properties.getTargets();
        for (int i = 0; i < configured.size(); i++) {
            TargetConfig target = target("jmx.scraper.targets[" + i + "]", configured.get(i));
            if (!names.add(target.name())) {
                throw new IllegalStateException(
                        "jmx.scraper.targets[" + i + "].name: another target is named " + target.name());
            }
            targets.add(target);
        }
        return new ScraperConfig(targets, rules(properties.getRules()));
    }

    private static TargetConfig target(String property, JmxScraperProperties.Target target) {
        String name = target.getName();
        if (!StringUtils.hasText(name)) {
            throw new IllegalStateException(property + ".name must be set");
        }
        URI url = target.getUrl();
        if (url == null || url.getHost() == null || !isHttp(url.getScheme())) {
            throw new IllegalStateException(property + ".url must be an http(s) URL with a host: " + url);
        }
        if (target.getDeadline().isNegative() || target.getDeadline().isZero()) {
            throw new IllegalStateException(property + ".deadline must be positive: " + target.getDeadline());
        }
        for (Map.Entry<String, String> label : target.getLabels().entrySet()) {
            if (!LABEL_NAME.matcher(label.getKey()).matches() || label.getKey().startsWith("__")) {
                throw new IllegalStateException(
                        property + ".labels: '" + label.getKey() + "' is not a Prometheus label name");
            }
        }
        String username = StringUtils.hasText(target.getUsername()) ? target.getUsername() : null;
        String password = username != null ? target.getPassword() : null;
        return new TargetConfig(name, url, username, password, target.getDeadline(), target.getLabels());
    }

    private static boolean isHttp(@Nullable String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    /** The rules file's configuration, or jmx_exporter's default rule without one. */
    static RulesConfig rules(@Nullable Resource rules) {
        if (rules == null) {
            return RulesConfig.defaults();
        }
        String yaml;
        try (InputStream in = rules.getInputStream()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("jmx.scraper.rules: cannot read " + rules.getDescription(), e);
        }
        return parseRules(rules.getDescription(), yaml);
    }

    /** Parses a jmx_exporter rules file; its warnings (keys meaningless over Jolokia) are logged once. */
    private static RulesConfig parseRules(String source, String yaml) {
        Loaded<RulesConfig> loaded = ConfigLoader.parseRules(source, yaml);
        loaded.warnings().forEach(warning -> log.warn("jmx.scraper.rules: " + warning));
        return loaded.value();
    }
}
