package dev.perfplatform.jmx.spring;

import static dev.perfplatform.jmx.FakeSource.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.FakeMapper;
import dev.perfplatform.jmx.FakeSource;
import dev.perfplatform.jmx.JmxScraper;
import dev.perfplatform.jmx.config.ConfigException;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.ScraperConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.MetricFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JmxScraperAutoConfigurationTests {

    private static final String EXPOSE = "management.endpoints.web.exposure.include=jmxscraper";
    private static final String TARGET_A_NAME = "jmx.scraper.targets[0].name=a";
    private static final String TARGET_A_URL = "jmx.scraper.targets[0].url=http://127.0.0.1:8778/jolokia";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JmxScraperAutoConfiguration.class));

    private final FakeSource source = FakeSource.serving(attribute("Memory", "used", 5));

    // Until the lead wires the Jolokia reader and the rules engine in as the defaults.
    private final JmxScraperBuilderCustomizer fakeTargets =
            builder -> builder.sources((target, rules) -> source).mappers(rules -> new FakeMapper());

    @Test
    void providesNothingWithoutTargets() {
        runner.withPropertyValues(EXPOSE).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(JmxScraper.class);
            assertThat(context).doesNotHaveBean(JmxScraperEndpoint.class);
            assertThat(context).hasSingleBean(JmxScraperProperties.class);
        });
    }

    @Test
    void buildsAScraperOfTheConfiguredTargetsAndItsEndpoint() {
        runner.withPropertyValues(
                        EXPOSE,
                        TARGET_A_NAME,
                        TARGET_A_URL,
                        "jmx.scraper.targets[1].name=b",
                        "jmx.scraper.targets[1].url=http://127.0.0.1:8779/jolokia",
                        "jmx.scraper.threads=2")
                .withBean(JmxScraperBuilderCustomizer.class, () -> fakeTargets)
                .run(context -> {
                    assertThat(context.getBean(JmxScraper.class).targetNames()).containsExactly("a", "b");
                    assertThat(context).hasSingleBean(JmxScraperEndpoint.class);
                    assertThat(context).doesNotHaveBean(JmxScraperPrometheusCollector.class);
                });
    }

    @Test
    void appliesCustomizersAndClosesTheScraperWithTheContext() {
        runner.withPropertyValues(TARGET_A_NAME, TARGET_A_URL)
                .withBean(
                        JmxScraperBuilderCustomizer.class,
                        () -> builder ->
                                builder.sources((target, rules) -> source).mappers(rules -> new FakeMapper()))
                .run(context -> assertThat(context.getBean(JmxScraper.class).scrape(null))
                        .extracting(MetricFamily::name)
                        .contains("used", "jmx_scraper_target_up"));

        assertThat(source.closed()).isTrue();
    }

    @Test
    void aMistakeFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(TARGET_A_NAME, "jmx.scraper.targets[0].url=ftp://127.0.0.1/x")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageStartingWith("jmx.scraper.targets[0].url must be an http(s) URL with a host"));
    }

    @Test
    void aRuleThatCannotCompileFailsStartUpAtItsLineInTheRulesFile() {
        runner.withPropertyValues(TARGET_A_NAME, TARGET_A_URL, "jmx.scraper.rules=classpath:rule-without-group-2.yml")
                .run(
                        context -> assertThat(context)
                                .getFailure()
                                .rootCause()
                                .isInstanceOf(ConfigException.class)
                                .hasMessage(
                                        "class path resource [rule-without-group-2.yml]:2: rules[0]: the pattern has no group 2"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnScraperAndServesItAtTheEndpoint() {
        JmxScraper own = JmxScraper.builder()
                .config(new ScraperConfig(
                        List.of(TargetConfig.of("own", URI.create("http://127.0.0.1:1/jolokia"))),
                        RulesConfig.defaults()))
                .sources((target, rules) -> source)
                .mappers(rules -> new FakeMapper())
                .build();
        runner.withPropertyValues(EXPOSE, TARGET_A_NAME, TARGET_A_URL)
                .withBean(JmxScraper.class, () -> own)
                .run(context -> {
                    assertThat(context.getBean(JmxScraper.class)).isSameAs(own);
                    assertThat(context).hasSingleBean(JmxScraperEndpoint.class);
                });
    }

    @Test
    void backsOffFromTheEndpointTheApplicationDefines() {
        JmxScraperEndpoint own = new JmxScraperEndpoint(JmxScraper.builder()
                .config(new ScraperConfig(List.of(), RulesConfig.defaults()))
                .build());
        runner.withPropertyValues(EXPOSE, TARGET_A_NAME, TARGET_A_URL)
                .withBean(JmxScraperEndpoint.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(JmxScraperEndpoint.class)).isSameAs(own));
    }

    @Test
    void isOffWhenDisabled() {
        runner.withPropertyValues(EXPOSE, TARGET_A_NAME, TARGET_A_URL, "jmx.scraper.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(JmxScraper.class);
                    assertThat(context).doesNotHaveBean(JmxScraperEndpoint.class);
                    assertThat(context).doesNotHaveBean(JmxScraperProperties.class);
                });
    }

    @Test
    void leavesTheEndpointOutUnlessItIsExposed() {
        runner.withPropertyValues(TARGET_A_NAME, TARGET_A_URL).run(context -> {
            assertThat(context).hasSingleBean(JmxScraper.class);
            assertThat(context).doesNotHaveBean(JmxScraperEndpoint.class);
        });
    }

    @Test
    void leavesTheEndpointOutWithoutTheActuator() {
        runner.withPropertyValues(EXPOSE, TARGET_A_NAME, TARGET_A_URL)
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(JmxScraper.class);
                    assertThat(context).doesNotHaveBean(JmxScraperEndpoint.class);
                });
    }

    @Test
    void mergesIntoThePrometheusRegistryOnlyWhenAskedTo() {
        PrometheusRegistry registry = new PrometheusRegistry();
        ApplicationContextRunner withRegistry = runner.withPropertyValues(TARGET_A_NAME, TARGET_A_URL)
                .withBean(PrometheusRegistry.class, () -> registry)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(JmxScraperBuilderCustomizer.class, () -> fakeTargets);

        withRegistry.run(context -> assertThat(context).doesNotHaveBean(JmxScraperPrometheusCollector.class));
        withRegistry.withPropertyValues("jmx.scraper.prometheus.merge=true").run(context -> {
            assertThat(context).hasSingleBean(JmxScraperPrometheusCollector.class);
            assertThat(registry.scrape().stream().map(MetricSnapshot::getMetadata))
                    .extracting(metadata -> metadata.getPrometheusName())
                    .contains("used", "jmx_scraper_target_up");
        });
        assertThat(registry.scrape().size()).as("unregistered with the context").isZero();
    }

    @Test
    void doesNotMergeWithoutThePrometheusClientOrItsRegistry() {
        runner.withPropertyValues(TARGET_A_NAME, TARGET_A_URL, "jmx.scraper.prometheus.merge=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(JmxScraper.class);
                    assertThat(context).doesNotHaveBean(JmxScraperPrometheusCollector.class);
                });
        runner.withPropertyValues(TARGET_A_NAME, TARGET_A_URL, "jmx.scraper.prometheus.merge=true")
                .withBean(PrometheusRegistry.class, PrometheusRegistry::new)
                .withClassLoader(new FilteredClassLoader("io.prometheus.metrics"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(JmxScraperPrometheusCollector.class);
                });
    }
}
