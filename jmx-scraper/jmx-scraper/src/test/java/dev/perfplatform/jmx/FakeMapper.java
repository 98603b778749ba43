package dev.perfplatform.jmx;

import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-test rules: each attribute becomes a sample of the family named by its attribute name, labelled with its key
 * properties; a name ending in {@code _count} makes a counter (without the suffix), others gauges.
 */
public final class FakeMapper implements MetricMapper {

    @Override
    public List<MetricFamily> map(List<JmxAttribute> attributes) {
        Map<String, List<Sample>> byName = new TreeMap<>();
        for (JmxAttribute attribute : attributes) {
            byName.computeIfAbsent(attribute.attrName(), name -> new ArrayList<>())
                    .add(new Sample(Labels.of(attribute.beanProperties()), ((Number) attribute.value()).doubleValue()));
        }
        List<MetricFamily> families = new ArrayList<>();
        byName.forEach((name, samples) -> families.add(
                name.endsWith("_count")
                        ? new MetricFamily(
                                name.substring(0, name.length() - 6), MetricType.COUNTER, "help " + name, samples)
                        : new MetricFamily(name, MetricType.GAUGE, "help " + name, samples)));
        return families;
    }

    @Override
    public List<MatchTrace> trace(List<JmxAttribute> attributes) {
        List<MatchTrace> traces = new ArrayList<>();
        for (JmxAttribute attribute : attributes) {
            String match = attribute.domain() + "<type=" + attribute.property("type") + "><>" + attribute.attrName()
                    + ": " + attribute.value();
            traces.add(new MatchTrace(match, 0, ".*", attribute.attrName() + " " + attribute.value()));
        }
        return traces;
    }
}
