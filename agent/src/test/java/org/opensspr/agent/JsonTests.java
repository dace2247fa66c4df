package org.opensspr.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void parseWhenDocumentThenMapsListsAndScalars() {
        Object doc = Json.parse(" {\"a\":[1,-2.5,true,false,null],\"s\":\"x\\\"\\u00e9\\n\",\"o\":{}} ");

        assertThat(doc)
                .isEqualTo(Map.of(
                        "a",
                        java.util.Arrays.asList(1L, new BigDecimal("-2.5"), true, false, null),
                        "s",
                        "x\"é\n",
                        "o",
                        Map.of()));
    }

    @Test
    void writeThenParseGivesTheSameValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "a\"b\\c\u0001");
        value.put("list", List.of(1L, "two"));
        value.put("bytes", new byte[] {1, (byte) 0xff});

        assertThat(Json.parse(Json.write(value)))
                .isEqualTo(Map.of("text", "a\"b\\c\u0001", "list", List.of(1L, "two"), "bytes", List.of(1L, 255L)));
    }

    @Test
    void parseWhenMalformedOrTooDeepThenIllegalArgumentWithoutContent() {
        assertThatThrownBy(() -> Json.parse("{\"secret\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> Json.parse("\"\\u12")).isInstanceOf(IllegalArgumentException.class);
    }
}
