package dev.perfplatform.jmx.internal.exposition;

import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import java.io.IOException;
import java.io.OutputStream;

/**
 * OpenMetrics 1.0.0 as client_java 1.x writes it: TYPE then HELP (when not empty, {@code "} escaped too) on the
 * family's name, a counter's samples named {@code <name>_total}, {@code unknown} for an unknown type, {@code # EOF}.
 */
final class OpenMetricsWriter extends TextWriter {

    OpenMetricsWriter(OutputStream stream) {
        super(stream);
    }

    @Override
    void writeFamily(MetricFamily family) throws IOException {
        out.write("# TYPE ");
        out.write(family.name());
        out.write(' ');
        out.write(typeName(family.type()));
        out.write('\n');
        if (!family.help().isEmpty()) {
            out.write("# HELP ");
            out.write(family.name());
            out.write(' ');
            writeEscaped(family.help(), true);
            out.write('\n');
        }
        writeSamples(family, family.type() == MetricType.COUNTER ? family.name() + "_total" : family.name());
    }

    @Override
    void writeEnd() throws IOException {
        out.write("# EOF\n");
    }

    private static String typeName(MetricType type) {
        return switch (type) {
            case COUNTER -> "counter";
            case GAUGE -> "gauge";
            case UNKNOWN -> "unknown";
        };
    }
}
