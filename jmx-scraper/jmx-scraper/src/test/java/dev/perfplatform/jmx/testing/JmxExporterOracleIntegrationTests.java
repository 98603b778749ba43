package dev.perfplatform.jmx.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JmxExporterOracleIntegrationTests {

    @Test
    void servesAParseablePageForTheTargetsMBeans() throws Exception {
        try (TargetJvm jvm = TargetJvm.start();
                JmxExporterOracle oracle = JmxExporterOracle.start(jvm, "lowercaseOutputName: false\n")) {
            PrometheusText.Page page = PrometheusText.parse(oracle.scrape());

            assertThat(page.problems()).isEmpty();
            assertThat(page.byId())
                    .containsKey("test_Numbers_IntValue{}")
                    .containsKey("test_Tables_Counts{key=\"a\",}")
                    .containsKey("java_lang_Memory_HeapMemoryUsage_used{}");
            assertThat(page.byId().get("test_Numbers_IntValue{}").value()).isEqualTo(1.0);
            assertThat(page.byId().get("test_Numbers_IntValue{}").type()).isEqualTo("untyped");
            assertThat(page.byId().get("test_Misc_StartDate{}").value()).isEqualTo(1.7e9);
            assertThat(page.byId().get("test_Numbers_NaNValue{}").value()).isNaN();
        }
    }
}
