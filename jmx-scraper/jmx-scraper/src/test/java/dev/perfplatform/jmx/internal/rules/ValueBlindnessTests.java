package dev.perfplatform.jmx.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueBlindnessTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java.lang<type=Memory><HeapMemoryUsage>(\\w+)",
                "kafka.server<type=(.+), name=(.+)PerSec\\w*><>Count",
                "kafka.(\\w+)<type=(.+), name=(.+)><>Value",
                "java.lang<type=GarbageCollector, name=(.*)><>CollectionCount",
                "d<type=\"(.+)\", name=\"(.+)\"><>attr",
                "(?<domain>[^<]+)<type=(\\w+)>",
                "Catalina<type=GlobalRequestProcessor, name=\\\"(\\w+-\\w+)-(\\d+)\\\"><>(\\w+)Count",
                "[]a]<>x|y<z>"
            })
    void patternsThatEndBeforeTheValueAreValueBlind(String pattern) {
        assertThat(ValueBlindness.isValueBlind(pattern)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "d<type=T><>Count: (\\d+)",
                "(\\w+)",
                "\\d",
                ".*Count: .*",
                "d<>(.*)",
                "<>\\w+: 1",
                "Count:",
                "(?i)java.lang<type=memory>",
                "java.lang(?=<)",
                "java.lang\\b",
                "^java.lang<type=Memory>",
                "d<type=T>$",
                "(a)\\1<>",
                "a++<>",
                "(?>a)<>",
                "a)|(b"
            })
    void patternsThatCanReachTheValueOrUseUnsupportedConstructsAreNot(String pattern) {
        assertThat(ValueBlindness.isValueBlind(pattern)).isFalse();
    }
}
