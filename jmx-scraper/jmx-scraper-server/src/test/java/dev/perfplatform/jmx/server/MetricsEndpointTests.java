package dev.perfplatform.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsEndpointTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL|false",
                "identity|false",
                "gzip|true",
                "deflate, GZIP;q=0.5|true",
                "br,gzip|true",
                "gzip;q=0|false",
                "gzip; q=0.0, br|false",
                "x-gzip|false"
            })
    void acceptsGzipWhenAnyCodingIsGzip(String acceptEncoding, boolean expected) {
        assertThat(MetricsEndpoint.acceptsGzip(acceptEncoding)).isEqualTo(expected);
    }
}
