package dev.perfplatform.jmx;

import dev.perfplatform.jmx.model.JmxAttribute;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Reads one target's attributes; {@code ...internal.jolokia} has the implementation, tests may have others. */
public interface AttributeSource extends AutoCloseable {

    /**
     * Reads every attribute the target serves (after the configuration's object-name and attribute filters).
     *
     * @param deadline the whole read's budget, connection included; the read fails rather than overruns it
     * @return the attributes, flattened; an MBean or attribute whose read failed is simply absent
     * @throws IOException when the target cannot be read at all (down, timed out, unreadable answer)
     */
    List<JmxAttribute> read(Duration deadline) throws IOException;

    @Override
    void close();
}
