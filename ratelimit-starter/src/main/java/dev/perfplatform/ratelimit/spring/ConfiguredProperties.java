package dev.perfplatform.ratelimit.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/** Whether the application sets any property under a prefix, whatever its source (files, environment, arguments). */
final class ConfiguredProperties {

    private ConfiguredProperties() {}

    /**
     * Whether some property under {@code prefix} has a value that is not blank once placeholders are resolved ({@code
     * url: ${REDIS_URL:}} with no {@code REDIS_URL} counts as unset).
     */
    static boolean anySetUnder(Environment environment, String prefix) {
        ConfigurationPropertyName parent = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource names) {
                for (ConfigurationPropertyName name : names) {
                    if (parent.isAncestorOf(name) && isSet(environment, source.getConfigurationProperty(name))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isSet(Environment environment, @Nullable ConfigurationProperty property) {
        Object value = property == null ? null : property.getValue();
        return value != null
                && !environment.resolvePlaceholders(String.valueOf(value)).isBlank();
    }
}
