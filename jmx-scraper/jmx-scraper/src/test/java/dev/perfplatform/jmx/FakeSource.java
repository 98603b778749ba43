package dev.perfplatform.jmx;

import dev.perfplatform.jmx.model.JmxAttribute;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-test target: fixed attributes, or an error, or a read that blocks until released (or 10 s pass). */
public final class FakeSource implements AttributeSource {

    private final List<JmxAttribute> attributes;
    private final String error;
    private final CountDownLatch release;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean closed;

    private FakeSource(List<JmxAttribute> attributes, String error, CountDownLatch release) {
        this.attributes = attributes;
        this.error = error;
        this.release = release;
    }

    /** A target serving these attributes at once. */
    public static FakeSource serving(JmxAttribute... attributes) {
        return new FakeSource(List.of(attributes), "", new CountDownLatch(0));
    }

    /** A target whose every read fails with this message. */
    public static FakeSource failing(String message) {
        return new FakeSource(List.of(), message, new CountDownLatch(0));
    }

    /** A target whose reads block until {@link #release()} (at most 10 s), then serve these attributes. */
    public static FakeSource blocking(JmxAttribute... attributes) {
        return new FakeSource(List.of(attributes), "", new CountDownLatch(1));
    }

    /** A gauge-like attribute {@code domain<type=...>name: value}. */
    public static JmxAttribute attribute(String type, String name, Object value) {
        return new JmxAttribute(
                "test:type=" + type, "test", Map.of("type", type), List.of(), name, "double", "", value);
    }

    @Override
    public List<JmxAttribute> read(Duration deadline) throws IOException {
        reads.incrementAndGet();
        try {
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IOException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!error.isEmpty()) {
            throw new IOException(error);
        }
        return attributes;
    }

    /** Lets blocked reads finish. */
    public void release() {
        release.countDown();
    }

    public int reads() {
        return reads.get();
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
