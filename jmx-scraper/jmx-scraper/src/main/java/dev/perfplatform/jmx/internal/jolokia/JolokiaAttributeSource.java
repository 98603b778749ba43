package dev.perfplatform.jmx.internal.jolokia;

import dev.perfplatform.jmx.AttributeSource;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jspecify.annotations.Nullable;

/**
 * Reads one target through its Jolokia agent: one bulk POST of pattern reads per scrape, plus a {@code list}
 * (attribute types and descriptions) taken again only when the set of MBeans the read returns changes. Concurrent
 * reads share one in-flight call.
 *
 * <pre>{@code
 * try (var source = new JolokiaAttributeSource(TargetConfig.of("app", URI.create("http://127.0.0.1:8778/jolokia")),
 *         RulesConfig.defaults())) {
 *     List<JmxAttribute> attributes = source.read(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class JolokiaAttributeSource implements AttributeSource {

    private final JolokiaHttp http;
    private final MBeanFilter filter;
    private final String readBody;
    private final String readQuery;
    private final List<String> listDomains;
    private final String listBody;
    private final SingleFlight<List<JmxAttribute>> singleFlight = new SingleFlight<>();
    private final AtomicLong readRequests = new AtomicLong();
    private final AtomicLong listRequests = new AtomicLong();
    private volatile MBeanCatalog catalog = MBeanCatalog.EMPTY;
    private volatile boolean closed;

    /** A source with the default bounds and the shared HTTP client. */
    public JolokiaAttributeSource(TargetConfig target, RulesConfig rules) {
        this(target, rules, JolokiaOptions.forHeap(Runtime.getRuntime().maxMemory()), SharedHttpClient.get());
    }

    /** A source with the given bounds, sending through {@code client}. */
    public JolokiaAttributeSource(TargetConfig target, RulesConfig rules, JolokiaOptions options, HttpClient client) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(client, "client");
        this.http =
                new JolokiaHttp(client, target.url(), target.username(), target.password(), options.maxResponseBytes());
        this.filter = new MBeanFilter(rules);
        List<String> patterns = filter.readPatterns();
        this.readBody = JolokiaRequests.readBody(patterns);
        this.readQuery = JolokiaRequests.readQuery(options);
        this.listDomains = JolokiaRequests.listDomains(patterns);
        this.listBody = JolokiaRequests.listBody(listDomains);
    }

    @Override
    public List<JmxAttribute> read(Duration deadline) throws IOException {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        if (closed) {
            throw new IllegalStateException("this source is closed");
        }
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        return singleFlight.run(deadlineNanos, () -> readNow(deadlineNanos));
    }

    /** How many bulk reads this source has sent (for tests and diagnostics). */
    public long readRequests() {
        return readRequests.get();
    }

    /** How many {@code list} requests this source has sent (for tests and diagnostics). */
    public long listRequests() {
        return listRequests.get();
    }

    @Override
    public void close() {
        closed = true;
        catalog = MBeanCatalog.EMPTY; // the HTTP client is shared or the caller's; nothing else is held
    }

    private List<JmxAttribute> readNow(long deadlineNanos) throws IOException {
        readRequests.incrementAndGet();
        Map<String, Map<?, ?>> mbeans =
                BulkResponse.mbeans(http.post(readBody, readQuery, deadlineNanos), http.safeUrl());
        List<ReadMBean> read = new ArrayList<>();
        mbeans.forEach((registered, values) -> {
            ObjectName name = objectName(registered);
            if (name != null) {
                read.add(new ReadMBean(registered, name, values));
            }
        });
        MBeanCatalog current = catalog;
        Set<ObjectName> names = new HashSet<>();
        read.forEach(mbean -> names.add(mbean.name()));
        if (current.isStaleFor(names)) {
            listRequests.incrementAndGet();
            Object list = http.post(listBody, JolokiaRequests.listQuery(), deadlineNanos);
            current = MBeanCatalog.parse(BulkResponse.listTree(list, http.safeUrl(), listDomains), names);
            catalog = current;
        }
        List<JmxAttribute> attributes = new ArrayList<>();
        for (ReadMBean mbean : read) {
            if (filter.includes(mbean.name(), mbean.registered())) {
                flatten(current, mbean.registered(), mbean.name(), mbean.values(), attributes);
            }
        }
        return attributes;
    }

    private void flatten(
            MBeanCatalog catalog, String registered, ObjectName name, Map<?, ?> values, List<JmxAttribute> out) {
        Map<String, String> properties = KeyProperties.parse(registered.substring(registered.indexOf(':') + 1));
        ValueFlattener flattener = new ValueFlattener(registered, name.getDomain(), out);
        for (Object key :
                new TreeSet<>(values.keySet().stream().map(String::valueOf).toList())) {
            String attribute = (String) key;
            AttributeMeta meta = catalog.attribute(name, attribute);
            if (meta.readable() && filter.includesAttribute(name, registered, attribute)) {
                flattener.attribute(properties, attribute, meta, values.get(attribute));
            }
        }
    }

    private record ReadMBean(String registered, ObjectName name, Map<?, ?> values) {}

    private static @Nullable ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            return null; // not an MBean name: ignore the entry rather than the whole answer
        }
    }
}
