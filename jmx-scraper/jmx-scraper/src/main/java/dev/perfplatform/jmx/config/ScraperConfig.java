package dev.perfplatform.jmx.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole scraper configuration: the targets and the rules applied to each of them.
 *
 * @param targets the JVMs to scrape, names unique
 * @param rules the rules, shared by every target
 */
public record ScraperConfig(List<TargetConfig> targets, RulesConfig rules) {

    public ScraperConfig {
        targets = List.copyOf(targets);
        Objects.requireNonNull(rules, "rules");
    }
}
