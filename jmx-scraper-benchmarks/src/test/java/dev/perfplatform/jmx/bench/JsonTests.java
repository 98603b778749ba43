package dev.perfplatform.jmx.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void writesOrderedIndentedJson() {
        String json = Json.write(Json.object("b", 1, "a", List.of("x\"y", true), "empty", Map.of()));

        assertThat(json).isEqualTo("""
                {
                  "b": 1,
                  "a": [
                    "x\\"y",
                    true
                  ],
                  "empty": {}
                }
                """);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Map<String, Object> read =
                Json.read(Json.write(Json.object("name", "line\nbreak", "p50Ms", 1.5, "rows", List.of(1, 2))));

        assertThat(read.get("name")).isEqualTo("line\nbreak");
        assertThat(((Number) read.get("p50Ms")).doubleValue()).isEqualTo(1.5);
        assertThat((List<?>) read.get("rows")).hasSize(2);
    }
}
