package dev.perfplatform.jmx.internal.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jolokia.json.parser.JSONParser;
import org.junit.jupiter.api.Test;

class TabularRowsTests {

    private static Object json(String text) throws Exception {
        return new JSONParser().parse(text);
    }

    private static List<Map<String, Object>> sorted(TabularRows rows) {
        return rows.rows().stream()
                .map(r -> (Map<String, Object>) new java.util.TreeMap<String, Object>(r))
                .sorted(java.util.Comparator.comparing(Object::toString))
                .toList();
    }

    @Test
    void readsAnMxBeanMapAsKeyValueRows() throws Exception {
        TabularRows rows = TabularRows.decode(json("{\"a\":1,\"b\":2}"), null);

        assertThat(rows.index()).containsExactly("key");
        assertThat(sorted(rows).toString()).isEqualTo("[{key=a, value=1}, {key=b, value=2}]");
    }

    @Test
    void findsTheIndexOfMapsNestedByIndexValues() throws Exception {
        TabularRows rows = TabularRows.decode(
                json("{\"eu\":{\"a\":{\"region\":\"eu\",\"zone\":\"a\",\"hits\":1}},"
                        + "\"us\":{\"b\":{\"region\":\"us\",\"zone\":\"b\",\"hits\":2}}}"),
                null);

        assertThat(rows.index()).containsExactly("region", "zone");
        assertThat(sorted(rows).toString()).isEqualTo("[{hits=1, region=eu, zone=a}, {hits=2, region=us, zone=b}]");
    }

    @Test
    void readsExplicitIndexNamesAndValues() throws Exception {
        TabularRows rows = TabularRows.decode(
                json("{\"indexNames\":[\"endpoint\"],\"values\":[{\"endpoint\":{\"host\":\"h1\"},\"hits\":5}]}"), null);

        assertThat(rows.index()).containsExactly("endpoint");
        assertThat(sorted(rows).toString()).isEqualTo("[{endpoint={\"host\":\"h1\"}, hits=5}]");
    }

    @Test
    void usesTheOpenTypesIndexForNestedMaps() throws Exception {
        Map<String, OpenTypeDesc> items = new LinkedHashMap<>();
        items.put("id", new OpenTypeDesc.Simple("java.lang.Long"));
        items.put("hits", new OpenTypeDesc.Simple("java.lang.Long"));
        OpenTypeDesc.Tabular type =
                new OpenTypeDesc.Tabular("t", new OpenTypeDesc.Composite("row", items), List.of("id"));

        TabularRows rows = TabularRows.decode(json("{\"7\":{\"id\":7,\"hits\":70}}"), type);

        assertThat(rows.index()).containsExactly("id");
        assertThat(sorted(rows).toString()).isEqualTo("[{hits=70, id=7}]");
    }

    @Test
    void givesNoRowsForAScalar() throws Exception {
        assertThat(TabularRows.decode(json("3"), null).rows()).isEmpty();
    }
}
