package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CappedInputStreamTests {

    @Test
    void passesABodyOfExactlyTheCap() throws IOException {
        try (InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[100]), 100)) {
            assertThat(in.readAllBytes()).hasSize(100);
        }
    }

    @Test
    void failsOnTheFirstByteOverTheCap() throws IOException {
        try (InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[101]), 100)) {
            assertThatThrownBy(in::readAllBytes)
                    .isInstanceOf(CappedInputStream.ResponseTooLargeException.class)
                    .hasMessage("response body exceeds the cap of 100 bytes");
        }
    }

    @Test
    void countsSingleByteReads() throws IOException {
        try (InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[3]), 2)) {
            in.read();
            in.read();
            assertThatThrownBy(in::read).isInstanceOf(CappedInputStream.ResponseTooLargeException.class);
        }
    }
}
