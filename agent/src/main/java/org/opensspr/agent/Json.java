package org.opensspr.agent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Objects;

/**
 * The agent's plain-value view of JSON, on Jackson (which the agent ships for {@code logon}):
 * {@link #parse} gives {@code Map} (in document order), {@code List}, {@code String}, {@code Long}
 * or {@code BigDecimal}, {@code Boolean} or null; {@link #write} takes the same kinds (and any
 * {@code Number}, {@code byte[]} as a list of unsigned numbers). Malformed input, trailing text or
 * nesting deeper than {@value #MAX_DEPTH} throws {@link IllegalArgumentException} naming the
 * position, never the content (a server answer may hold a token).
 */
public final class Json {

    static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                    .build())
            .enable(
                    DeserializationFeature.USE_LONG_FOR_INTS,
                    DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule().addSerializer(byte[].class, new UnsignedBytes()))
            .build();

    private Json() {}

    public static Object parse(String text) {
        Objects.requireNonNull(text, "text cannot be null");
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("JSON nested too deeply (more than " + MAX_DEPTH + " levels)");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    e.getLocation() == null
                            ? "invalid JSON"
                            : "invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr());
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Binary values as the numbers 0-255, as the server's inventory expects, not Jackson's base64. */
    private static final class UnsignedBytes extends JsonSerializer<byte[]> {
        @Override
        public void serialize(byte[] bytes, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray();
            for (byte b : bytes) {
                out.writeNumber(b & 0xff);
            }
            out.writeEndArray();
        }
    }
}
