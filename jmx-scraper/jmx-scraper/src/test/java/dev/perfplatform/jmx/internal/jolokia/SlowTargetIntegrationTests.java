package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.testing.TargetJvm;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SlowTargetIntegrationTests {

    private static final long SLOW_MILLIS = 1_500;
    private static final int GENERATED = 120;
    private static final RulesConfig ONLY_SLOW =
            new RulesConfig(false, false, List.of("test:type=Slow"), List.of(), Map.of(), Map.of(), List.of());
    private static TargetJvm jvm;

    @BeforeAll
    static void startTarget() throws Exception {
        jvm = TargetJvm.builder().slowMillis(SLOW_MILLIS).attributes(GENERATED).start();
    }

    @AfterAll
    static void stopTarget() {
        jvm.close();
    }

    @Test
    void concurrentReadsShareOneCall() throws Exception {
        int readers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try (JolokiaAttributeSource source =
                new JolokiaAttributeSource(TargetConfig.of("slow", jvm.jolokiaUrl()), ONLY_SLOW)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<JmxAttribute>>> results = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                Callable<List<JmxAttribute>> read = () -> {
                    start.await();
                    return source.read(Duration.ofSeconds(20));
                };
                results.add(pool.submit(read));
            }
            start.countDown();
            List<List<String>> rendered = new ArrayList<>();
            for (Future<List<JmxAttribute>> result : results) {
                rendered.add(Rendered.of(result.get(), ""));
            }
            assertThat(rendered).containsOnly(List.of("test<type=Slow><>Value: 1 (Long)"));
            assertThat(source.readRequests()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsTheGeneratedAttributes() throws Exception {
        RulesConfig generated = new RulesConfig(
                false, false, List.of("test:type=Generated,*"), List.of(), Map.of(), Map.of(), List.of());
        try (JolokiaAttributeSource source =
                new JolokiaAttributeSource(TargetConfig.of("generated", jvm.jolokiaUrl()), generated)) {
            List<JmxAttribute> attributes = source.read(Duration.ofSeconds(10));
            assertThat(attributes).hasSize(GENERATED);
            assertThat(attributes.stream().mapToLong(a -> (Long) a.value()).sorted())
                    .containsExactlyElementsOf(
                            LongStream.range(0, GENERATED).boxed().toList());
            assertThat(Rendered.of(attributes, "test:type=Generated,name=g2"))
                    .hasSize(20)
                    .contains("test<type=Generated, name=g2><>Attr0: 100 (Long)");
        }
    }

    @Test
    void failsWithinTheDeadlineWhenTheTargetIsSlower() throws Exception {
        try (JolokiaAttributeSource source =
                new JolokiaAttributeSource(TargetConfig.of("slow", jvm.jolokiaUrl()), ONLY_SLOW)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> source.read(Duration.ofMillis(300)))
                    .isInstanceOf(HttpTimeoutException.class)
                    .hasMessageContaining("deadline");
            // a bound on correctness, not speed: the call must not wait for the 1.5 s getter
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(SLOW_MILLIS));
        }
    }
}
