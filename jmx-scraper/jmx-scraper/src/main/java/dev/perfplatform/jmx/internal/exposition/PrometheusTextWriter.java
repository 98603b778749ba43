package dev.perfplatform.jmx.internal.exposition;

import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.MetricType;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Prometheus text 0.0.4 as client_java 1.x writes it: HELP (when not empty) then TYPE; a counter's HELP, TYPE and
 * samples all named {@code <name>_total}; {@code untyped} for an unknown type.
 */
final class PrometheusTextWriter extends TextWriter {

    PrometheusTextWriter(OutputStream stream) {
        super(stream);
    }

    @Override
    void writeFamily(MetricFamily family) throws IOException {
        String name = family.type() == MetricType.COUNTER ? family.name() + "_total" : family.name();
        if (!family.help().isEmpty()) {
            out.write("# HELP ");
            out.write(name);
            out.write(' ');
            writeEscaped(family.help(), false);
            out.write('\n');
        }
        out.write("# TYPE ");
        out.write(name);
        out.write(' ');
        out.write(typeName(family.type()));
        out.write('\n');
        writeSamples(family, name);
    }

    private static String typeName(MetricType type) {
        return switch (type) {
            case COUNTER -> "counter";
            case GAUGE -> "gauge";
            case UNKNOWN -> "untyped";
        };
    }
}
