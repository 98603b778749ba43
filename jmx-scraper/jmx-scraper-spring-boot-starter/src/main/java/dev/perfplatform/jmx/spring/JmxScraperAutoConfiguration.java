package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.JmxScraper;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of a {@link JmxScraper} of the {@code jmx.scraper.targets} (when there is one; adjusted by
 * every {@link JmxScraperBuilderCustomizer} bean), its actuator
 * endpoint {@code jmxscraper}, and, when {@code jmx.scraper.prometheus.merge=true}, its families at {@code
 * /actuator/prometheus}.
 *
 * <p>The nested configurations are ordered so that the scraper's bean is registered before the parts that need it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus"
                    + ".PrometheusMetricsExportAutoConfiguration"
        })
@ConditionalOnProperty(prefix = "jmx.scraper", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(JmxScraperProperties.class)
public final class JmxScraperAutoConfiguration {

    /** The scraper, closed with the context; fails start-up naming the property on a mistake. */
    @Configuration(proxyBeanMethods = false)
    @Order(1)
    @Conditional(JmxScraperConditions.OnTargets.class)
    static class ScraperConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JmxScraper jmxScraper(
                JmxScraperProperties properties, ObjectProvider<JmxScraperBuilderCustomizer> customizers) {
            JmxScraper.Builder builder =
                    JmxScraper.builder().config(ScraperConfigs.from(properties)).threads(properties.getThreads());
            customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
            return builder.build();
        }
    }

    /** {@code /actuator/jmxscraper}, when the actuator is present and the endpoint exposed. */
    @Configuration(proxyBeanMethods = false)
    @Order(2)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint",
                "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"
            })
    static class EndpointConfiguration {

        /** Nested, so its condition (from the actuator's auto-configuration) is read only when that is present. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnAvailableEndpoint(JmxScraperEndpoint.class)
        static class Available {

            @Bean
            @ConditionalOnMissingBean
            @ConditionalOnBean(JmxScraper.class)
            JmxScraperEndpoint jmxScraperEndpoint(JmxScraper scraper) {
                return new JmxScraperEndpoint(scraper);
            }
        }
    }

    /** The scraped families in Micrometer's Prometheus registry, when asked for. */
    @Configuration(proxyBeanMethods = false)
    @Order(3)
    @ConditionalOnClass(
            name = {
                "io.prometheus.metrics.model.registry.PrometheusRegistry",
                "io.micrometer.core.instrument.MeterRegistry"
            })
    @ConditionalOnProperty(prefix = "jmx.scraper.prometheus", name = "merge", havingValue = "true")
    static class PrometheusMergeConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({JmxScraper.class, PrometheusRegistry.class})
        JmxScraperPrometheusCollector jmxScraperPrometheusCollector(
                JmxScraper scraper, PrometheusRegistry registry, ObjectProvider<MeterRegistry> meters) {
            return JmxScraperPrometheusCollector.register(scraper, registry, meters.getIfAvailable());
        }
    }
}
