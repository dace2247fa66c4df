package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The merge of RFC 7396 and the before/after the audit log shows for a settings change. */
class MergePatchesTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** RFC 7396, Appendix A: every example (back quotes for double quotes). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{`a`:`b`}                  | {`a`:`c`}             | {`a`:`c`}",
                "{`a`:`b`}                  | {`b`:`c`}             | {`a`:`b`,`b`:`c`}",
                "{`a`:`b`}                  | {`a`:null}            | {}",
                "{`a`:`b`,`b`:`c`}          | {`a`:null}            | {`b`:`c`}",
                "{`a`:[`b`]}                | {`a`:`c`}             | {`a`:`c`}",
                "{`a`:`c`}                  | {`a`:[`b`]}           | {`a`:[`b`]}",
                "{`a`:{`b`:`c`}}            | {`a`:{`b`:`d`,`c`:null}} | {`a`:{`b`:`d`}}",
                "{`a`:[{`b`:`c`}]}          | {`a`:[1]}             | {`a`:[1]}",
                "[`a`,`b`]                  | [`c`,`d`]             | [`c`,`d`]",
                "{`a`:`b`}                  | [`c`]                 | [`c`]",
                "{`a`:`foo`}                | null                  | null",
                "{`a`:`foo`}                | `bar`                 | `bar`",
                "{`e`:null}                 | {`a`:1}               | {`e`:null,`a`:1}",
                "[1,2]                      | {`a`:`b`,`c`:null}    | {`a`:`b`}",
                "{}                         | {`a`:{`bb`:{`ccc`:null}}} | {`a`:{`bb`:{}}}"
            })
    void mergesAsRfc7396AppendixA(String target, String patch, String result) {
        assertThat(MergePatches.merge(tree(target), tree(patch))).isEqualTo(tree(result));
    }

    record Rules(Integer min, Integer max, List<String> terms) {
        Rules {
            if (min != null && max != null && max < min) {
                throw new IllegalArgumentException("max cannot be below min");
            }
        }
    }

    @Test
    void aPatchKeepsWhatItDoesNotNameAndIsCheckedAsAWholeBody() {
        MergePatches patches = new MergePatches(JSON);
        Rules stored = new Rules(8, 64, List.of("contoso"));
        assertThat(patches.apply(stored, tree("{'max':100}"), Rules.class))
                .isEqualTo(new Rules(8, 100, List.of("contoso")));
        assertThat(patches.apply(stored, tree("{'terms':null}"), Rules.class)).isEqualTo(new Rules(8, 64, null));
        assertThatThrownBy(() -> patches.apply(stored, tree("{'max':4}"), Rules.class))
                .isInstanceOf(MergePatches.UnreadablePatch.class)
                .rootCause()
                .hasMessage("max cannot be below min");
        assertThatThrownBy(() -> patches.apply(stored, tree("{'maximum':4}"), Rules.class))
                .isInstanceOf(MergePatches.UnreadablePatch.class);
        assertThatThrownBy(() -> patches.apply(stored, tree("[]"), Rules.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChangesNameEachChangedFieldWithItsOldAndNewValue() {
        SettingsChanges changes = new SettingsChanges(JSON);
        Rules before = new Rules(8, 64, List.of("contoso"));
        assertThat(changes.between(before, new Rules(12, 64, List.of("contoso")), Set.of()))
                .isEqualTo("min: 8 -> 12");
        assertThat(changes.between(before, new Rules(null, 64, List.of("contoso", "blank")), Set.of("terms")))
                .isEqualTo("min: 8 -> null; terms: 1 item -> 2 items");
        assertThat(changes.between(before, new Rules(8, 64, List.of("blank")), Set.of()))
                .isEqualTo("terms: [\"contoso\"] -> [\"blank\"]");
        assertThat(changes.between(before, before, Set.of())).isEmpty();
    }

    private static tools.jackson.databind.JsonNode tree(String text) {
        return JSON.readTree(text.strip().replace('`', '"').replace('\'', '"'));
    }
}
