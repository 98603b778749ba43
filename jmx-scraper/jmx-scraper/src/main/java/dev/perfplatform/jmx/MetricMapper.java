package dev.perfplatform.jmx;

import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.model.MatchTrace;
import dev.perfplatform.jmx.model.MetricFamily;
import java.util.List;

/** Turns one target's attributes into metric families; {@code ...internal.rules} has jmx_exporter's semantics. */
public interface MetricMapper {

    /**
     * Applies the rules. Never throws on odd input: an attribute no rule can use is dropped, duplicate series are
     * told apart as jmx_exporter 1.x does ({@code _objectname}).
     *
     * @return families sorted by name, each family's samples sorted by labels, no duplicate series
     */
    List<MetricFamily> map(List<JmxAttribute> attributes);

    /** How each attribute was matched, in the attributes' order, for the debug page. */
    List<MatchTrace> trace(List<JmxAttribute> attributes);
}
