package dev.perfplatform.jmx.internal.rules;

import static dev.perfplatform.jmx.internal.rules.Attributes.attr;
import static dev.perfplatform.jmx.internal.rules.Attributes.lines;
import static dev.perfplatform.jmx.internal.rules.Attributes.rule;
import static dev.perfplatform.jmx.internal.rules.Attributes.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations follow jmx_exporter 1.0.1's Receiver.recordBean, defaultExport and its snapshot converter. */
class RuleEngineTests {

    private static List<String> map(RulesConfig config, JmxAttribute... attributes) {
        return lines(RuleEngine.of(config).map(List.of(attributes)));
    }

    @Test
    void defaultRuleNamesByDomainFirstPropertyKeysAndAttributeWithTheRestAsLabels() {
        assertThat(map(
                        RulesConfig.defaults(),
                        attr("java.lang:type=GarbageCollector,name=G1 Young Generation", "CollectionCount", 5L),
                        attr("java.lang:type=Memory", List.of("HeapMemoryUsage"), "used", 1024L)))
                .containsExactly(
                        "java_lang_GarbageCollector_CollectionCount{name=\"G1 Young Generation\"} 5.0 (UNKNOWN)",
                        "java_lang_Memory_HeapMemoryUsage_used 1024.0 (UNKNOWN)");
    }

    @Test
    void defaultHelpNamesTheBeanAndPrefixesAUsefulDescription() {
        JmxAttribute described = new JmxAttribute(
                "d:type=T,name=n", "d", props("type", "T", "name", "n"), List.of(), "Count", "long", "How many", 1L);
        JmxAttribute undescribed = attr("d:type=U", "Count", 1L);
        List<MetricFamily> families = RuleEngine.of(RulesConfig.defaults()).map(List.of(described, undescribed));
        assertThat(families)
                .extracting(MetricFamily::help)
                .containsExactly("How many d:name=n,type=T,attribute=Count", "d:name=null,type=U,attribute=Count");
    }

    @Test
    void tabularRowIndexColumnsAreLabelsOfTheDefaultFormat() {
        JmxAttribute row = new JmxAttribute(
                "d:type=T", "d", props("type", "T", "key", "k1"), List.of("Table"), "count", "long", "", 3);
        assertThat(map(RulesConfig.defaults(), row)).containsExactly("d_T_Table_count{key=\"k1\"} 3.0 (UNKNOWN)");
    }

    @Test
    void quotedPropertyValuesKeepTheirQuotesInTheMatchStringAndLabels() {
        JmxAttribute quoted = new JmxAttribute(
                "d:type=\"a b\",name=\"x,y\"",
                "d",
                props("type", "\"a b\"", "name", "\"x,y\""),
                List.of(),
                "attr",
                "int",
                "",
                7);
        assertThat(map(RulesConfig.defaults(), quoted)).containsExactly("d_a_b_attr{name=\"\"x,y\"\"} 7.0 (UNKNOWN)");
        assertThat(map(
                        rules(rule(
                                "d<type=\"(.+)\", name=\"(.+)\"><>attr", "q_$1", MetricType.GAUGE, Map.of("n", "$2"))),
                        quoted))
                .containsExactly("q_a_b{n=\"x,y\"} 7.0 (GAUGE)");
    }

    @Test
    void attrNameSnakeCaseChangesTheMatchStringAndTheDefaultName() {
        RuleConfig snake = new RuleConfig(
                "java.lang<type=Memory><>heap_memory_usage_max",
                null,
                null,
                1.0,
                Map.of(),
                null,
                MetricType.GAUGE,
                true,
                false);
        assertThat(map(rules(snake), attr("java.lang:type=Memory", "HeapMemoryUsageMax", 10L)))
                .containsExactly("java_lang_Memory_heap_memory_usage_max 10.0 (GAUGE)");
        assertThat(Naming.snakeCase("ABCDef_ghIJ")).isEqualTo("abcdef_gh_ij");
    }

    @Test
    void valueFactorScalesNumbersAndRuleValuesButNotBooleans() {
        RuleConfig scaled = new RuleConfig(
                "d<type=T><>(\\w+)", "d_$1", null, 0.001, Map.of(), null, MetricType.GAUGE, false, false);
        assertThat(map(
                        rules(scaled),
                        attr("d:type=T", "millis", 1500L),
                        attr("d:type=T", "on", true),
                        attr("d:type=T", "off", false)))
                .containsExactly("d_millis 1.5 (GAUGE)", "d_off 0.0 (GAUGE)", "d_on 1.0 (GAUGE)");
    }

    @Test
    void valueCapturesANumberFromAStringAndDropsWhatDoesNotParse() {
        RuleConfig version = new RuleConfig(
                "d<type=T><>Version: (\\d+)\\.(\\d+)",
                "d_version_major",
                "$1",
                1.0,
                Map.of("minor", "$2"),
                null,
                MetricType.GAUGE,
                false,
                false);
        assertThat(map(rules(version), attr("d:type=T", "Version", "3.7")))
                .containsExactly("d_version_major{minor=\"7\"} 3.0 (GAUGE)");
        RuleConfig broken = new RuleConfig(
                "d<type=T><>Version: (.*)", "d_version", "$1", 1.0, Map.of(), null, MetricType.GAUGE, false, false);
        assertThat(map(rules(broken), attr("d:type=T", "Version", "three"))).isEmpty();
    }

    @Test
    void stringsWithoutValueAndOtherTypesAreDropped() {
        assertThat(map(RulesConfig.defaults(), attr("d:type=T", "Name", "x"))).isEmpty();
    }

    @Test
    void datesBecomeEpochSecondsBeforeMatching() {
        JmxAttribute started = attr("d:type=T", "Started", new Date(1_700_000_000_500L));
        assertThat(map(RulesConfig.defaults(), started)).containsExactly("d_T_Started 1.7000000005E9 (UNKNOWN)");
        assertThat(RuleEngine.of(RulesConfig.defaults()).trace(List.of(started)))
                .extracting(MatchTrace::matchString)
                .containsExactly("d<type=T><>Started: 1.7000000005E9");
    }

    @Test
    void nanIsASampleAndMatchesAsNaN() {
        JmxAttribute load = attr("d:type=T", "Load", Double.NaN);
        assertThat(map(rules(rule("d<type=T><>Load: NaN", "d_load_unknown")), load))
                .containsExactly("d_load_unknown NaN (UNKNOWN)");
    }

    @Test
    void lowercaseOutputNameAndLabelNamesEachApplyOnlyWhenSet() {
        RuleConfig labelled = rule("d<type=(\\w+)><>(\\w+)", "D_$1_$2", MetricType.GAUGE, Map.of("Kind", "$1"));
        JmxAttribute attribute = attr("d:type=Memory", "Used", 1);
        assertThat(map(rules(false, false, labelled), attribute))
                .containsExactly("D_Memory_Used{Kind=\"Memory\"} 1.0 (GAUGE)");
        assertThat(map(rules(true, false, labelled), attribute))
                .containsExactly("d_memory_used{Kind=\"Memory\"} 1.0 (GAUGE)");
        assertThat(map(rules(false, true, labelled), attribute))
                .containsExactly("D_Memory_Used{kind=\"Memory\"} 1.0 (GAUGE)");
        assertThat(map(
                        new RulesConfig(
                                true,
                                true,
                                List.of(),
                                List.of(),
                                Map.of(),
                                Map.of(),
                                List.of(RuleConfig.defaultRule())),
                        attr("D:type=T,Area=Heap", "Used", 1)))
                .containsExactly("d_t_used{area=\"Heap\"} 1.0 (UNKNOWN)");
    }

    @Test
    void identicalLabelsGiveEverySampleOfTheFamilyAnObjectnameLabel() {
        RuleConfig flat = rule("d<type=(\\w+), name=(\\w+)><>Count", "d_count");
        assertThat(map(
                        rules(flat),
                        attr("d:type=A,name=x", "Count", 1),
                        attr("d:type=B,name=y", "Count", 2),
                        attr("d:type=A,name=z", "Other", 3)))
                .containsExactly(
                        "d_count{_objectname=\"d<type=A, name=x><>Count\"} 1.0 (UNKNOWN)",
                        "d_count{_objectname=\"d<type=B, name=y><>Count\"} 2.0 (UNKNOWN)");
    }

    @Test
    void rulesOfDifferentTypesSharingANameMakeTheFamilyUnknown() {
        RulesConfig config = rules(
                rule("d<type=A><>(\\w+)", "d_x", MetricType.GAUGE, Map.of("t", "a")),
                rule("d<type=B><>(\\w+)", "d_x", MetricType.COUNTER, Map.of("t", "b")));
        assertThat(map(config, attr("d:type=A", "x", 1), attr("d:type=B", "x", 2)))
                .containsExactly("d_x{t=\"a\"} 1.0 (UNKNOWN)", "d_x{t=\"b\"} 2.0 (UNKNOWN)");
    }

    @Test
    void reservedSuffixesAreStrippedFromEveryFamilyNameAsClientJavaDoes() {
        RulesConfig config = rules(
                rule("d<type=A><>c", "requests_total", MetricType.COUNTER, Map.of()),
                rule("d<type=A><>g", "gauge_total_info", MetricType.GAUGE, Map.of()),
                rule("d<type=A><>u", "_total", MetricType.UNKNOWN, Map.of()));
        assertThat(map(config, attr("d:type=A", "c", 1), attr("d:type=A", "g", 2), attr("d:type=A", "u", 3)))
                .containsExactly("gauge 2.0 (GAUGE)", "requests 1.0 (COUNTER)", "total 3.0 (UNKNOWN)");
    }

    @Test
    void labelNamesAreSanitisedEmptyLabelsLeftOutAndInvalidNamesDropTheSample() {
        RuleConfig labelled = rule(
                "d<type=(\\w+)><>(\\w+)", "d_$2", MetricType.GAUGE, Map.of("my-label", "$1", "empty", "", "", "x"));
        assertThat(map(rules(labelled), attr("d:type=T", "a", 1))).containsExactly("d_a{my_label=\"T\"} 1.0 (GAUGE)");
        RuleConfig colon = rule("d<type=(\\w+)><>(\\w+)", "d_$2", MetricType.GAUGE, Map.of("a:b", "$1"));
        RuleEngine engine = RuleEngine.of(rules(colon));
        assertThat(engine.map(List.of(attr("d:type=T", "a", 1)))).isEmpty();
        assertThat(engine.trace(List.of(attr("d:type=T", "a", 1))))
                .extracting(MatchTrace::outcome)
                .containsExactly("dropped: label name 'a:b' is not valid");
    }

    @Test
    void firstMatchingRuleWinsAndUnmatchedAttributesAreDropped() {
        RulesConfig config = rules(rule("d<type=T><>a", "first"), rule("d<type=T><>(\\w+)", "second_$1"));
        assertThat(map(config, attr("d:type=T", "a", 1), attr("d:type=T", "b", 2), attr("e:type=T", "a", 3)))
                .containsExactly("first 1.0 (UNKNOWN)", "second_b 2.0 (UNKNOWN)");
    }

    @Test
    void anEmptyNameDropsTheAttribute() {
        assertThat(map(rules(rule("d<type=T><>(x*)\\w+", "$1")), attr("d:type=T", "a", 1)))
                .isEmpty();
    }

    @Test
    void helpIsReplacedAndTheFirstSampleGivesTheFamilysHelp() {
        RuleConfig helped = new RuleConfig(
                "d<type=(\\w+)><>a", "d_a", null, 1.0, Map.of("t", "$1"), "from $1", MetricType.GAUGE, false, false);
        assertThat(RuleEngine.of(rules(helped)).map(List.of(attr("d:type=Y", "a", 1), attr("d:type=X", "a", 1))))
                .extracting(MetricFamily::help)
                .containsExactly("from Y");
    }

    @Test
    void traceShowsTheMatchStringTheWinningRuleAndTheSeries() {
        RulesConfig config = rules(
                rule("d<type=T><>a", "first"),
                rule("d<type=(\\w+)><>b", "second_total", MetricType.COUNTER, Map.of("t", "$1")));
        assertThat(RuleEngine.of(config).trace(List.of(attr("d:type=T", "b", 2L), attr("e:type=T", "c", 1))))
                .containsExactly(
                        new MatchTrace("d<type=T><>b: 2", 1, "d<type=(\\w+)><>b", "second_total{t=\"T\"} 2.0"),
                        new MatchTrace("e<type=T><>c: 1", null, null, "no rule matched"));
    }

    @Test
    void rejectsReferencesToGroupsThePatternLacks() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleEngine.of(rules(rule("d<type=(\\w+)>", "x_$2"))))
                .withMessage("rules[0]: the pattern has no group 2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleEngine.of(rules(rule("d<type=(\\w+)>", "x_${missing}"))))
                .withMessage("rules[0]: the pattern has no group named missing");
        assertThat(map(rules(rule("d<type=(?<kind>\\w+)><>(a)", "x_${kind}_$12")), attr("d:type=T", "a", 1)))
                .containsExactly("x_T_T2 1.0 (UNKNOWN)");
    }

    @Test
    void skipsWhatJmxExporterSkipsWhateverTheRules() {
        assertThat(map(
                        RulesConfig.defaults(),
                        attr("java.lang:type=Runtime", "ClassPath", 1),
                        attr("java.lang:type=Runtime", List.of("SystemProperties"), "value", 1),
                        attr("jdk.management.jfr:type=FlightRecorder", "Count", 1),
                        attr("java.lang:type=Runtime", "Uptime", 2L)))
                .containsExactly("java_lang_Runtime_Uptime 2.0 (UNKNOWN)");
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }
}
