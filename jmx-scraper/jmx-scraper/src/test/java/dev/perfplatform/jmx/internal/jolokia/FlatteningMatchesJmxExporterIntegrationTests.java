package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.testing.JmxExporterOracle;
import dev.perfplatform.jmx.testing.PrometheusText;
import dev.perfplatform.jmx.testing.TargetJvm;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reader's leaves against jmx_exporter 1.0.1's own: a rule that captures the whole match string into a label
 * makes jmx_exporter print, for every leaf it walks, exactly {@code domain<props><keys>attr: value}; the reader's
 * attributes must give the same strings.
 */
class FlatteningMatchesJmxExporterIntegrationTests {

    private static final String CAPTURE_ALL = """
            rules:
            - pattern: "(test<.*)"
              name: leaf
              labels:
                s: "$1"
              value: "1"
            - pattern: "(java.lang<.*)"
              name: leaf_platform
              labels:
                s: "$1"
              value: "1"
            """;

    @Test
    void walksEveryLeafAsJmxExporterDoes() throws Exception {
        try (TargetJvm jvm = TargetJvm.start();
                JmxExporterOracle oracle = JmxExporterOracle.start(jvm, CAPTURE_ALL);
                JolokiaAttributeSource source =
                        new JolokiaAttributeSource(TargetConfig.of("test", jvm.jolokiaUrl()), RulesConfig.defaults())) {
            Set<String> theirs = PrometheusText.parse(oracle.scrape()).series().stream()
                    .filter(s -> s.name().startsWith("leaf") && s.labels().containsKey("s"))
                    .map(s -> s.labels().get("s"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> ours = source.read(Duration.ofSeconds(10)).stream()
                    .map(FlatteningMatchesJmxExporterIntegrationTests::matchString)
                    .collect(Collectors.toCollection(TreeSet::new));

            Predicate<String> fixed = s -> s.startsWith("test<");
            assertThat(select(ours, fixed)).isNotEmpty().isEqualTo(select(theirs, fixed));

            Predicate<String> platform = s -> (s.startsWith("java.lang<type=Memory>")
                            || s.startsWith("java.lang<type=Threading>")
                            || s.startsWith("java.lang<type=Runtime>")
                            || (s.contains("type=GarbageCollector") && !s.contains("LastGcInfo")))
                    && !s.contains("Time: ")
                    && !s.contains("Uptime");
            assertThat(keys(select(ours, platform))).isNotEmpty().isEqualTo(keys(select(theirs, platform)));
        }
    }

    /** The match string jmx_exporter builds: a Date is already epoch seconds as a Double there. */
    @SuppressWarnings("JavaUtilDate") // jmx_exporter's own conversion
    private static String matchString(JmxAttribute a) {
        Object value = a.value() instanceof Date date ? (Object) (date.getTime() / 1000.0) : a.value();
        String props = a.beanProperties().toString();
        String keys = a.attrKeys().toString();
        return a.domain() + "<" + props.substring(1, props.length() - 1) + "><" + keys.substring(1, keys.length() - 1)
                + ">" + a.attrName() + ": " + value;
    }

    private static List<String> select(Set<String> strings, Predicate<String> which) {
        return strings.stream().filter(which).toList();
    }

    /** The strings without their values (the platform's values move between the two reads). */
    private static List<String> keys(List<String> strings) {
        return strings.stream()
                .map(s -> s.substring(0, s.lastIndexOf(": ")))
                .sorted()
                .toList();
    }
}
