package dev.perfplatform.jmx.internal.exposition;

import dev.perfplatform.jmx.model.Labels;
import dev.perfplatform.jmx.model.MetricFamily;
import dev.perfplatform.jmx.model.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the two text formats share: a buffered UTF-8 writer, label and value syntax, the page's order. */
abstract class TextWriter {

    private static final int BUFFER_CHARS = 8192;

    final Writer out;

    TextWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
    }

    final void writePage(List<MetricFamily> page) throws IOException {
        for (MetricFamily family : PageOrder.sorted(page)) {
            writeFamily(family);
        }
        writeEnd();
        out.flush();
    }

    abstract void writeFamily(MetricFamily family) throws IOException;

    void writeEnd() throws IOException {}

    final void writeSamples(MetricFamily family, String sampleName) throws IOException {
        for (Sample sample : family.samples()) {
            out.write(sampleName);
            writeLabels(sample.labels());
            out.write(' ');
            writeValue(sample.value());
            out.write('\n');
        }
    }

    private void writeLabels(Labels labels) throws IOException {
        if (labels.size() == 0) {
            return;
        }
        out.write('{');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(labels.names().get(i));
            out.write("=\"");
            writeEscaped(labels.values().get(i), true);
            out.write('"');
        }
        out.write('}');
    }

    /** Writes {@code \}, newline and (when {@code quotes}) {@code "} escaped, everything else as is. */
    final void writeEscaped(String text, boolean quotes) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.write("\\\\");
            } else if (c == '\n') {
                out.write("\\n");
            } else if (c == '"' && quotes) {
                out.write("\\\"");
            } else {
                out.write(c);
            }
        }
    }

    /** Go float syntax as client_java 1.x prints it: {@code NaN}, {@code +Inf}, {@code -Inf}, else Java's. */
    private void writeValue(double value) throws IOException {
        if (value == Double.POSITIVE_INFINITY) {
            out.write("+Inf");
        } else if (value == Double.NEGATIVE_INFINITY) {
            out.write("-Inf");
        } else {
            out.write(Double.toString(value));
        }
    }
}
