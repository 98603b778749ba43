package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JolokiaOptionsTests {

    private static final long MIB = 1024 * 1024;

    @Test
    void capsAnswersAtSixteenMebibytesOnAnOrdinaryHeap() {
        assertThat(JolokiaOptions.forHeap(4096 * MIB).maxResponseBytes()).isEqualTo(16 * MIB);
    }

    @Test
    void lowersTheCapToAThirtySecondOfASmallHeap() {
        assertThat(JolokiaOptions.forHeap(256 * MIB).maxResponseBytes()).isEqualTo(8 * MIB);
    }

    @Test
    void neverCapsBelowOneMebibyte() {
        assertThat(JolokiaOptions.forHeap(30 * MIB).maxResponseBytes()).isEqualTo(MIB);
    }
}
