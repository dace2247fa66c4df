package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;
import org.opensspr.system.InvalidInput;

class HintsTests {

    @Test
    void emailShowsTheFirstLettersAndTheTopLevelDomainOnly() {
        assertThat(Hints.email("alice@example.org")).isEqualTo("a*****@e*****.org");
        assertThat(Hints.email("x@localhost")).isEqualTo("x*****@l*****");
        assertThat(Hints.email("no-at-sign")).isEqualTo("*****");
    }

    @Test
    void phoneShowsTheLastTwoDigitsOnly() {
        assertThat(Hints.phone("+31612345678")).isEqualTo("+*********78");
        assertThat(Hints.phone("+1")).isEqualTo("*****");
    }

    @Test
    void contactInfoChecksEmailAndE164() {
        assertThat(new ContactInfo(" a@example.org ", "+31 6 1234 5678"))
                .isEqualTo(new ContactInfo("a@example.org", "+31612345678"));
        assertThat(new ContactInfo("", " ")).isEqualTo(new ContactInfo(null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ContactInfo("not-an-address", null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ContactInfo(null, "0612345678"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.problem()
                                        .render(Bundles.messages(), Locale.ENGLISH)
                                        .getDetail())
                                .contains("international form"));
    }
}
