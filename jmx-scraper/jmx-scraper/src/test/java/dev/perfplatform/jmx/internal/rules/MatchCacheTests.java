package dev.perfplatform.jmx.internal.rules;

import static dev.perfplatform.jmx.internal.rules.Attributes.attr;
import static dev.perfplatform.jmx.internal.rules.Attributes.rule;
import static dev.perfplatform.jmx.internal.rules.Attributes.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.MetricType;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatchCacheTests {

    private static final List<RuleConfig> RULE_POOL = List.of(
            rule("d<type=A, name=(\\w+)><>(\\w+)", "d_a_$2", MetricType.GAUGE, Map.of("n", "$1")),
            rule("d<type=(\\w+)><>Count: (\\d+)", "d_count_$1", MetricType.COUNTER, Map.of("v", "$2")),
            rule("(\\w+)", "any_$1"),
            rule(".*: (true|false)", "flag"),
            rule("e<type=(\\w+)(, name=(\\w+))?><(\\w+)>(\\w+)", "e_$1_$4_$5", MetricType.GAUGE, Map.of("n", "$3")),
            new RuleConfig(
                    "d<type=(\\w+).*><>(\\w+): (.*)",
                    "d_string_$2",
                    "$3",
                    2.0,
                    Map.of(),
                    null,
                    MetricType.GAUGE,
                    false,
                    false),
            new RuleConfig(
                    "d<type=(\\w+)><>(\\w+): <cache>",
                    "cached_$1_$2",
                    null,
                    1.0,
                    Map.of(),
                    null,
                    MetricType.UNKNOWN,
                    false,
                    true),
            new RuleConfig("e<type=B><>(\\w+)", "e_snake_$1", null, 1.0, Map.of(), null, MetricType.GAUGE, true, false),
            rule("d<type=A, name=(\\w+)><>Count", "d_count"),
            RuleConfig.defaultRule());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void cacheNeverChangesTheOutput(long seed) {
        Random random = new Random(seed);
        List<RuleConfig> pool = new ArrayList<>(RULE_POOL);
        java.util.Collections.shuffle(pool, random);
        RulesConfig config = rules(
                random.nextBoolean(),
                random.nextBoolean(),
                pool.subList(0, 1 + random.nextInt(pool.size())).toArray(RuleConfig[]::new));
        RuleEngine cached = RuleEngine.of(config, true);
        RuleEngine uncached = RuleEngine.of(config, false);
        for (int pass = 0; pass < 6; pass++) {
            List<JmxAttribute> attributes = attributes(random);
            assertThat(cached.map(attributes)).isEqualTo(uncached.map(attributes));
        }
    }

    private static List<JmxAttribute> attributes(Random random) {
        List<JmxAttribute> attributes = new ArrayList<>();
        String[] objectNames = {"d:type=A,name=x", "d:type=A,name=y", "d:type=B", "e:type=B", "e:type=C,name=z"};
        String[] attrNames = {"Count", "HeapUsed", "Enabled", "Name"};
        for (String objectName : objectNames) {
            for (String attrName : attrNames) {
                if (random.nextInt(5) == 0) {
                    continue; // this attribute is absent from this pass
                }
                List<String> keys = random.nextInt(4) == 0 ? List.of("Usage") : List.of();
                attributes.add(attr(objectName, keys, attrName, value(random)));
            }
        }
        return attributes;
    }

    private static Object value(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> (long) random.nextInt(100);
            case 1 -> random.nextDouble() * 100;
            case 2 -> Double.NaN;
            case 3 -> random.nextBoolean();
            case 4 -> String.valueOf(random.nextInt(10));
            case 5 -> "x: 1 d<type=A, name=q><>Count";
            case 6 -> new Date(random.nextInt(1_000_000) * 1000L);
            case 7 -> "line\nbreak";
            default -> random.nextInt(3);
        };
    }

    @Test
    void cachesValueBlindOutcomesAndEvictsAttributesNotSeenInTheLatestMap() {
        RuleEngine engine = RuleEngine.of(rules(rule("d<type=A, name=(\\w+)><>(\\w+)", "d_$2")));
        engine.map(List.of(attr("d:type=A,name=x", "Count", 1), attr("d:type=A,name=y", "Count", 2)));
        assertThat(engine.cachedAttributes()).isEqualTo(2);
        engine.map(List.of(attr("d:type=A,name=x", "Count", 3)));
        assertThat(engine.cachedAttributes()).isEqualTo(1);
    }

    @Test
    void neverCachesOutcomesOfRulesThatReadTheValue() {
        RuleEngine engine = RuleEngine.of(rules(rule("d<type=A, name=(\\w+)><>Count: (\\d+)", "d_$2")));
        engine.map(List.of(attr("d:type=A,name=x", "Count", 1)));
        assertThat(engine.cachedAttributes()).isZero();
        RuleEngine withOwnCache = engine.withOwnCache();
        assertThat(withOwnCache.map(List.of(attr("d:type=A,name=x", "Count", 5))))
                .isEqualTo(engine.map(List.of(attr("d:type=A,name=x", "Count", 5))));
    }
}
