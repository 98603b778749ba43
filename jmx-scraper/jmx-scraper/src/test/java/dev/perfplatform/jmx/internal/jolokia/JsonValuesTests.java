package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JsonValuesTests {

    @Test
    void boxesNumbersAsTheDeclaredType() {
        assertThat(JsonValues.scalar("int", 1L)).isEqualTo(1);
        assertThat(JsonValues.scalar("java.lang.Long", 1L)).isEqualTo(1L);
        assertThat(JsonValues.scalar("double", 1L)).isEqualTo(1.0);
        assertThat(JsonValues.scalar("float", 0.1)).isEqualTo(0.1f);
        assertThat(JsonValues.scalar("short", 5L)).isEqualTo((short) 5);
        assertThat(JsonValues.scalar("byte", 7L)).isEqualTo((byte) 7);
        assertThat(JsonValues.scalar("java.math.BigDecimal", 12.5)).isEqualTo(new BigDecimal("12.5"));
        assertThat(JsonValues.scalar("long", "9007199254740993")).isEqualTo(9007199254740993L);
    }

    @Test
    void turnsNullIntoNaNOnlyForFloatingTypes() {
        assertThat(JsonValues.scalar("double", null)).isEqualTo(Double.NaN);
        assertThat(JsonValues.scalar("java.lang.Float", null)).isEqualTo(Double.NaN);
        assertThat(JsonValues.scalar("long", null)).isNull();
        assertThat(JsonValues.scalar("java.lang.String", null)).isNull();
    }

    @Test
    @SuppressWarnings("JavaUtilDate") // the model carries java.util.Date
    void parsesJolokiaDates() {
        assertThat(JsonValues.scalar("java.util.Date", "2023-11-14T22:13:20.000Z"))
                .isEqualTo(new Date(1_700_000_000_000L));
        assertThat(JsonValues.scalar("java.util.Date", "2023-11-14T23:13:20.250+01:00"))
                .isEqualTo(new Date(1_700_000_000_250L));
        assertThat(JsonValues.scalar("java.util.Date", 1_700_000_000_000L)).isEqualTo(new Date(1_700_000_000_000L));
        assertThat(JsonValues.scalar("java.util.Date", "yesterday")).isNull();
    }

    @Test
    void skipsWhatJmxExporterSkips() {
        assertThat(JsonValues.scalar("[J", 1L)).isNull();
        assertThat(JsonValues.scalar("javax.management.ObjectName", "a:b=c")).isNull();
        assertThat(JsonValues.scalar("long", "not a number")).isNull();
        assertThat(JsonValues.scalar("boolean", "true")).isNull();
    }

    @Test
    void infersUndeclaredTypesFromTheJson() {
        assertThat(JsonValues.scalar("java.util.concurrent.TimeUnit", "SECONDS"))
                .isEqualTo("SECONDS");
        assertThat(JsonValues.scalar("", 3L)).isEqualTo(3L);
        assertThat(JsonValues.scalar("", 0.5)).isEqualTo(0.5);
        assertThat(JsonValues.scalar("", true)).isEqualTo(true);
    }
}
