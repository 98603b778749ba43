package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfplatform.jmx.config.RuleConfig;
import dev.perfplatform.jmx.config.RulesConfig;
import dev.perfplatform.jmx.config.TargetConfig;
import dev.perfplatform.jmx.model.JmxAttribute;
import dev.perfplatform.jmx.testing.TargetJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JolokiaAttributeSourceIntegrationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static TargetJvm jvm;

    @BeforeAll
    static void startTarget() throws Exception {
        jvm = TargetJvm.start();
    }

    @AfterAll
    static void stopTarget() {
        jvm.close();
    }

    private static JolokiaAttributeSource source(RulesConfig rules) {
        return new JolokiaAttributeSource(TargetConfig.of("test", jvm.jolokiaUrl()), rules);
    }

    @Test
    void readsEveryTestMBeanAsJmxExporterWalksIt() throws Exception {
        try (JolokiaAttributeSource source = source(RulesConfig.defaults())) {
            assertThat(Rendered.of(source.read(DEADLINE), "test:"))
                    .containsExactly(
                            "test<type=Dup, name=x><>A_B: 11 (Integer)",
                            "test<type=Dup-A, name=x><>B: 12 (Integer)",
                            "test<type=Failing><>Good: 1 (Integer)",
                            "test<type=Misc, endpoint_host=h1, endpoint_port=80><ComplexTable>hits: 5 (Long)",
                            "test<type=Misc, endpoint_host=h2, endpoint_port=443><ComplexTable>hits: 6 (Long)",
                            "test<type=Misc, region=eu, zone=a><MultiTable>hits: 10 (Long)",
                            "test<type=Misc, region=eu, zone=a><MultiTable>latency: 1.5 (Double)",
                            "test<type=Misc, region=eu, zone=a><TypedTable>hits: 10 (Long)",
                            "test<type=Misc, region=eu, zone=a><TypedTable>latency: 1.5 (Double)",
                            "test<type=Misc, region=eu, zone=b><MultiTable>hits: 20 (Long)",
                            "test<type=Misc, region=eu, zone=b><MultiTable>latency: 2.5 (Double)",
                            "test<type=Misc, region=eu, zone=b><TypedTable>hits: 20 (Long)",
                            "test<type=Misc, region=eu, zone=b><TypedTable>latency: 2.5 (Double)",
                            "test<type=Misc, region=us, zone=a><MultiTable>hits: 30 (Long)",
                            "test<type=Misc, region=us, zone=a><MultiTable>latency: 3.5 (Double)",
                            "test<type=Misc, region=us, zone=a><TypedTable>hits: 30 (Long)",
                            "test<type=Misc, region=us, zone=a><TypedTable>latency: 3.5 (Double)",
                            "test<type=Misc><>Disabled: false (Boolean)",
                            "test<type=Misc><>Enabled: true (Boolean)",
                            "test<type=Misc><>StartDate: Date 1700000000000 (Date)",
                            "test<type=Misc><>State: state=RUNNING (String)",
                            "test<type=Misc><>Unit: SECONDS (String)",
                            "test<type=Misc><Composite>count: 3 (Long)",
                            "test<type=Misc><Composite>name: comp (String)",
                            "test<type=Misc><Composite>ratio: 0.5 (Double)",
                            "test<type=Misc><TypedComposite>count: 4 (Integer)",
                            "test<type=Misc><TypedComposite>missing: NaN (Double)",
                            "test<type=Misc><TypedComposite>when: Date 1700000000000 (Date)",
                            "test<type=Numbers><>ActiveRequestCount: 9 (Long)",
                            "test<type=Numbers><>BigDecimalValue: 12.5 (BigDecimal)",
                            "test<type=Numbers><>BoxedByte: 8 (Byte)",
                            "test<type=Numbers><>BoxedDouble: 2.25 (Double)",
                            "test<type=Numbers><>BoxedFloat: 0.25 (Float)",
                            "test<type=Numbers><>BoxedInteger: 2 (Integer)",
                            "test<type=Numbers><>BoxedLong: 4 (Long)",
                            "test<type=Numbers><>BoxedShort: 6 (Short)",
                            "test<type=Numbers><>ByteValue: 7 (Byte)",
                            "test<type=Numbers><>DoubleValue: 1.5 (Double)",
                            "test<type=Numbers><>FloatValue: 0.5 (Float)",
                            "test<type=Numbers><>IntValue: 1 (Integer)",
                            "test<type=Numbers><>LongValue: 3 (Long)",
                            "test<type=Numbers><>NaNValue: NaN (Double)",
                            "test<type=Numbers><>ShortValue: 5 (Short)",
                            "test<type=Quoted, name=\"a,b\"><>Value: 7 (Integer)",
                            "test<type=Tables, key=a><>Counts: 1 (Long)",
                            "test<type=Tables, key=b><>Counts: 2 (Long)",
                            "test<type=Tables><Usage>max: 10 (Long)",
                            "test<type=Tables><Usage>used: 5 (Long)",
                            "test<zeta=z, alpha=a, type=Ordered><>Value: 8 (Integer)");
        }
    }

    @Test
    void carriesTypesAndDescriptionsFromMBeanInfo() throws Exception {
        try (JolokiaAttributeSource source = source(RulesConfig.defaults())) {
            List<JmxAttribute> attributes = source.read(DEADLINE);
            assertThat(attributes)
                    .filteredOn(a -> a.objectName().equals("test:type=Numbers")
                            && a.attrName().equals("IntValue"))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.attrType()).isEqualTo("int");
                        assertThat(a.attrDescription()).isEqualTo("IntValue of numbers");
                        assertThat(a.domain()).isEqualTo("test");
                    });
            assertThat(attributes)
                    .filteredOn(a -> a.objectName().equals("test:type=Tables")
                            && a.attrName().equals("max"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.attrType()).isEqualTo("java.lang.Long"));
        }
    }

    @Test
    void readsThePlatformMBeansWithoutJmxExportersHardSkips() throws Exception {
        try (JolokiaAttributeSource source = source(RulesConfig.defaults())) {
            List<String> rendered = Rendered.of(source.read(DEADLINE), "java.lang:");
            assertThat(rendered)
                    .anyMatch(l -> l.startsWith("java.lang<type=Memory><HeapMemoryUsage>used: "))
                    .anyMatch(l -> l.startsWith("java.lang<type=Threading><>ThreadCount: "))
                    .anyMatch(l -> l.startsWith(
                            "java.lang<name=G1 Young Generation, type=GarbageCollector><>" + "CollectionCount: "))
                    .anyMatch(l -> l.startsWith("java.lang<type=Runtime><>Uptime: "))
                    .noneMatch(l -> l.contains("><>SystemProperties")
                            || l.contains("<SystemProperties>")
                            || l.contains("><>ClassPath: ")
                            || l.contains("><>LibraryPath: ")
                            || l.contains("><>BootClassPath: ")
                            || l.contains("><>ObjectName: "));
        }
    }

    @Test
    void appliesIncludesExcludesAndAttributeFilters() throws Exception {
        RulesConfig rules = new RulesConfig(
                false,
                false,
                List.of("test:type=Numbers", "test:name=x,*"),
                List.of("test:type=Dup-A,*"),
                Map.of("test:type=Numbers", List.of("IntValue", "LongValue", "NaNValue")),
                Map.of("test:type=Numbers", List.of("NaNValue")),
                List.of(RuleConfig.defaultRule()));
        try (JolokiaAttributeSource source = source(rules)) {
            assertThat(Rendered.of(source.read(DEADLINE), ""))
                    .containsExactly(
                            "test<type=Dup, name=x><>A_B: 11 (Integer)",
                            "test<type=Numbers><>IntValue: 1 (Integer)",
                            "test<type=Numbers><>LongValue: 3 (Long)");
        }
    }

    @Test
    void dropsOnlyTheFailingAttribute() throws Exception {
        try (JolokiaAttributeSource source = source(RulesConfig.defaults())) {
            assertThat(Rendered.of(source.read(DEADLINE), "test:type=Failing"))
                    .containsExactly("test<type=Failing><>Good: 1 (Integer)");
        }
    }

    @Test
    void listsAgainOnlyWhenAnMBeanIsRegisteredOrUnregistered() throws Exception {
        RulesConfig onlyTest =
                new RulesConfig(false, false, List.of("test:*"), List.of(), Map.of(), Map.of(), List.of());
        try (JolokiaAttributeSource source = source(onlyTest)) {
            source.read(DEADLINE);
            source.read(DEADLINE);
            source.read(DEADLINE);
            assertThat(source.readRequests()).isEqualTo(3);
            assertThat(source.listRequests()).isEqualTo(1);

            control("register", "test:type=Added");
            try {
                assertThat(Rendered.of(source.read(DEADLINE), "test:type=Added"))
                        .containsExactly("test<type=Added><>Value: 1 (Integer)");
                assertThat(source.listRequests()).isEqualTo(2);
                source.read(DEADLINE);
                assertThat(source.listRequests()).isEqualTo(2);
            } finally {
                control("unregister", "test:type=Added");
            }
            assertThat(Rendered.of(source.read(DEADLINE), "test:type=Added")).isEmpty();
            assertThat(source.listRequests()).isEqualTo(3);
            assertThat(source.readRequests()).isEqualTo(6);
        }
    }

    private static void control(String operation, String name) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        String body = "{\"type\":\"exec\",\"mbean\":\"test:type=Control\",\"operation\":\"" + operation
                + "\",\"arguments\":[\"" + name + "\"]}";
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(jvm.jolokiaUrl() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"status\":200");
    }
}
