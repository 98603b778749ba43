package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.TargetJvm;
import java.util.List;

/**
 * The one rules file both contenders apply (jmx_exporter 1.0.1 syntax): a handful of pattern rules in the style of
 * jmx_exporter's examples plus the catch-all, and our configuration around it.
 */
final class BenchRules {

    /** Generated numeric attributes per target ({@code TargetJvm.builder().attributes(n)}). */
    static final int GENERATED = 1000;

    static final String RULES = """
            lowercaseOutputName: true
            lowercaseOutputLabelNames: true
            rules:
              - pattern: 'test<type=Generated, name=(\\w+)><>(Attr\\d+)'
                name: test_generated
                labels:
                  mbean: "$1"
                  attribute: "$2"
                help: "A generated test attribute"
                type: GAUGE
              - pattern: 'java.lang<type=Memory><(Heap|NonHeap)MemoryUsage>(\\w+)'
                name: jvm_memory_$1_$2_bytes
                type: GAUGE
              - pattern: 'java.lang<type=MemoryPool, name=(.+)><Usage>(\\w+)'
                name: jvm_memory_pool_$2_bytes
                labels:
                  pool: "$1"
                type: GAUGE
              - pattern: 'java.lang<type=GarbageCollector, name=(.+)><>CollectionCount'
                name: jvm_gc_collections_total
                labels:
                  gc: "$1"
                type: COUNTER
              - pattern: 'java.lang<type=GarbageCollector, name=(.+)><>CollectionTime'
                name: jvm_gc_collection_seconds_total
                labels:
                  gc: "$1"
                valueFactor: 0.001
                type: COUNTER
              - pattern: 'java.lang<type=Threading><>(ThreadCount|DaemonThreadCount|PeakThreadCount)'
                name: jvm_threads_$1
                type: GAUGE
              - pattern: '.*'
            """;

    private BenchRules() {}

    /**
     * A target of our configuration.
     *
     * @param name its name (the {@code target} label)
     * @param jvm the JVM whose Jolokia agent it reads
     * @param deadline its deadline, as the configuration writes it ({@code 3s})
     */
    record Target(String name, TargetJvm jvm, String deadline) {}

    /** Our configuration file: the targets, then the rules file unchanged. */
    static String scraperConfig(List<Target> targets) {
        StringBuilder yaml = new StringBuilder("targets:\n");
        for (Target target : targets) {
            yaml.append("  - name: ").append(target.name()).append('\n');
            yaml.append("    url: ").append(target.jvm().jolokiaUrl()).append('\n');
            yaml.append("    deadline: ").append(target.deadline()).append('\n');
        }
        return yaml.append(RULES).toString();
    }
}
