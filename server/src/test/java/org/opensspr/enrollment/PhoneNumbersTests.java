package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumbersTests {

    @Test
    void aPlausibleMobileHasTheLengthOfARealOneOfItsRegion() {
        assertThat(Hints.phone(PhoneNumbers.plausibleMobile("NL", 91))).isEqualTo("+*********91");
        assertThat(Hints.phone(PhoneNumbers.plausibleMobile("NL", 7)).length())
                .isEqualTo(Hints.phone("+31612345001").length());
        assertThat(PhoneNumbers.plausibleMobile("US", 3)).hasSize("+12015550123".length());
        assertThat(PhoneNumbers.plausibleMobile("BE", 3))
                .hasSize(PhoneNumbers.toE164("0470 12 34 56", "BE").length());
        assertThat(PhoneNumbers.plausibleMobile(null, 5)).startsWith("+316").hasSize(12);
    }

    @Test
    void theCommonestRegionIsTheCountryMostNumbersBelongTo() {
        assertThat(PhoneNumbers.commonestRegion(List.of("+31612345001", "+32470123456", "+31612345002", "junk")))
                .contains("NL");
        assertThat(PhoneNumbers.commonestRegion(List.of("junk"))).isEmpty();
    }

    @Test
    void theDefaultRegionMustBeACountryWithPhoneNumbers() {
        assertThat(new PhoneProperties(" nl ").defaultRegion()).isEqualTo("NL");
        assertThat(new PhoneProperties(" ").defaultRegion()).isNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PhoneProperties("XX"))
                .withMessageContaining("sspr.phone.default-region");
    }
}
