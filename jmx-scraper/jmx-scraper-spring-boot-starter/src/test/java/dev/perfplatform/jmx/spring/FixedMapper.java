package dev.perfplatform.jmx.spring;

import dev.perfplatform.jmx.MetricMapper;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import dev.perfplatform.jmx.model.Sample;
import java.util.List;
import java.util.Map;

/** In-test rules that turn any target into the same fixed families, whatever it serves. */
final class FixedMapper implements MetricMapper {

    private final List<MetricFamily> families;

    FixedMapper(MetricFamily... families) {
        this.families = List.of(families);
    }

    static MetricFamily family(String name, MetricType type, double... values) {
        Sample[] samples = new Sample[values.length];
        for (int i = 0; i < values.length; i++) {
            samples[i] = new Sample(Labels.of(Map.of("area", "a" + i)), values[i]);
        }
        return new MetricFamily(name, type, "help of " + name, List.of(samples));
    }

    @Override
    public List<MetricFamily> map(List<JmxAttribute> attributes) {
        return families;
    }

    @Override
    public List<MatchTrace> trace(List<JmxAttribute> attributes) {
        return List.of();
    }
}
