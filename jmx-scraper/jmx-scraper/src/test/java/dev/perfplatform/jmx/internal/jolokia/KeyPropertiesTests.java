package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPropertiesTests {

    @Test
    void keepsRegistrationOrderAndQuotes() {
        assertThat(KeyProperties.parse("zeta=z,name=\"a,b=\\\"c\\\"\",type=T").entrySet())
                .extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("zeta=z", "name=\"a,b=\\\"c\\\"\"", "type=T");
    }

    @Test
    void keepsEmptyAndSpacedValues() {
        assertThat(List.copyOf(KeyProperties.parse("name=CodeHeap 'non-nmethods',type=MemoryPool")
                        .values()))
                .containsExactly("CodeHeap 'non-nmethods'", "MemoryPool");
    }

    @Test
    void rejectsAListWithoutEquals() {
        assertThatThrownBy(() -> KeyProperties.parse("type"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a key property list: type");
    }
}
