package org.opensspr.reset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.policy.MethodType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code reset_flow.methods} keeps loading: a flow stored before methods had a language still reads. */
class FlowMethodTests {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<FlowMethod>> METHODS = new TypeReference<>() {};

    @Test
    void aFlowStoredBeforeMethodsHadALanguageLoadsWithoutOne() {
        String stored = "[{\"id\":\"email\",\"type\":\"email\",\"hint\":\"a*****@e*****.org\","
                + "\"address\":\"alice@example.org\"}]";
        assertThat(STRICT.readValue(stored, METHODS))
                .containsExactly(new FlowMethod("email", MethodType.EMAIL, "a*****@e*****.org", "alice@example.org"));
    }

    @Test
    void theAccountsLanguageIsStoredWithTheMethod() {
        List<FlowMethod> methods = List.of(new FlowMethod("sms", MethodType.SMS, "+*********05", "+31612345005", "nl"));
        assertThat(STRICT.readValue(STRICT.writeValueAsString(methods), METHODS))
                .isEqualTo(methods);
    }
}
