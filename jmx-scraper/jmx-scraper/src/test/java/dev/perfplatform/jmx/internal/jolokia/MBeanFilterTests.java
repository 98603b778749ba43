package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.jmx.config.RulesConfig;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MBeanFilterTests {

    private static boolean includes(MBeanFilter filter, String name) throws Exception {
        return filter.includes(new ObjectName(name), name);
    }

    @Test
    void readsEverythingByDefaultExceptTheFlightRecorder() throws Exception {
        MBeanFilter filter = new MBeanFilter(RulesConfig.defaults());

        assertThat(filter.readPatterns()).containsExactly("*:*");
        assertThat(includes(filter, "java.lang:type=Memory")).isTrue();
        assertThat(includes(filter, "jdk.management.jfr:type=FlightRecorder")).isFalse();
    }

    @Test
    void letExcludesWinOverIncludes() throws Exception {
        MBeanFilter filter = new MBeanFilter(new RulesConfig(
                false, false, List.of("a:*"), List.of("a:type=Secret,*"), Map.of(), Map.of(), List.of()));

        assertThat(filter.readPatterns()).containsExactly("a:*");
        assertThat(includes(filter, "a:type=Open")).isTrue();
        assertThat(includes(filter, "a:type=Secret,name=x")).isFalse();
        assertThat(includes(filter, "b:type=Open")).isFalse();
    }

    @Test
    void skipsTheRuntimeClassPathsAndAttributeExcludes() throws Exception {
        MBeanFilter filter = new MBeanFilter(new RulesConfig(
                false,
                false,
                List.of(),
                List.of(),
                Map.of("a:type=Only", List.of("Kept")),
                Map.of("a:type=Only", List.of("Kept"), "a:type=Other", List.of("Dropped")),
                List.of()));
        ObjectName runtime = new ObjectName("java.lang:type=Runtime");

        assertThat(filter.includesAttribute(runtime, "java.lang:type=Runtime", "SystemProperties"))
                .isFalse();
        assertThat(filter.includesAttribute(runtime, "java.lang:type=Runtime", "classpath"))
                .isFalse();
        assertThat(filter.includesAttribute(runtime, "java.lang:type=Runtime", "Uptime"))
                .isTrue();
        ObjectName only = new ObjectName("a:type=Only");
        assertThat(filter.includesAttribute(only, "a:type=Only", "Other")).isFalse();
        assertThat(filter.includesAttribute(only, "a:type=Only", "Kept")).isFalse();
        ObjectName other = new ObjectName("a:type=Other");
        assertThat(filter.includesAttribute(other, "a:type=Other", "Dropped")).isFalse();
        assertThat(filter.includesAttribute(other, "a:type=Other", "Any")).isTrue();
    }

    @Test
    void namesTheKeyOfAMalformedObjectName() {
        assertThatThrownBy(() -> new MBeanFilter(
                        new RulesConfig(false, false, List.of(), List.of("no colon"), Map.of(), Map.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("excludeObjectNames: not an ObjectName: no colon");
    }
}
