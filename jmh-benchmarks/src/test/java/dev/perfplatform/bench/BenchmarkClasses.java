package dev.perfplatform.bench;

import dev.perfplatform.bench.cap.KeyCapBenchmark;
import dev.perfplatform.bench.memory.KeyedEngineBenchmark;
import dev.perfplatform.bench.memory.SingleLimiterBenchmark;
import dev.perfplatform.bench.redis.RedisBenchmark;
import dev.perfplatform.bench.redis.RedisDeniedFloodBenchmark;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;

/** Every benchmark method of the suite, found by reflection, so a new one cannot escape the checks. */
final class BenchmarkClasses {

    static final List<Class<?>> ALL = List.of(
            SingleLimiterBenchmark.class,
            KeyedEngineBenchmark.class,
            RedisBenchmark.class,
            RedisDeniedFloodBenchmark.class,
            KeyCapBenchmark.class);

    private BenchmarkClasses() {}

    /** Fully qualified names as JMH lists them: {@code package.Class.method}. */
    static List<String> benchmarkNames() {
        return ALL.stream()
                .flatMap(type -> Stream.concat(
                                Arrays.stream(type.getMethods()), Arrays.stream(type.getDeclaredMethods()))
                        .filter(method -> method.isAnnotationPresent(Benchmark.class))
                        .map(method -> type.getName() + "." + method.getName()))
                .distinct()
                .sorted()
                .toList();
    }
}
