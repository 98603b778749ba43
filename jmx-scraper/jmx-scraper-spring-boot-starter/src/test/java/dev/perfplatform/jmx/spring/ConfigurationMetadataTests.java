package dev.perfplatform.jmx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.JmxScraper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationMetadataTests {

    @Test
    void documentsEveryPropertyWithTheDefaultsOfTheLibrary() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            JsonMapper.shared()
                    .readTree(in)
                    .get("properties")
                    .forEach(p -> properties.put(p.get("name").asString(), p));
        }

        assertThat(properties)
                .containsKeys(
                        "jmx.scraper.enabled",
                        "jmx.scraper.targets",
                        "jmx.scraper.rules",
                        "jmx.scraper.threads",
                        "jmx.scraper.prometheus.merge");
        assertThat(properties)
                .allSatisfy((name, property) -> assertThat(
                                property.path("description").asString())
                        .as(name)
                        .isNotBlank());
        assertThat(properties.get("jmx.scraper.threads").get("defaultValue").asInt())
                .isEqualTo(JmxScraper.DEFAULT_THREADS);
        assertThat(properties.get("jmx.scraper.enabled").get("defaultValue").asBoolean())
                .isTrue();
        assertThat(properties
                        .get("jmx.scraper.prometheus.merge")
                        .get("defaultValue")
                        .asBoolean())
                .isFalse();
    }
}
