package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A language link leads to a page that takes a GET and shows the same step. */
class LanguageLinksTests {

    @Test
    void anAnswerToAPostLinksToThePageItsFormBelongsTo() {
        assertThat(LanguageLinks.pageOf("POST", "/reset/verify")).isEqualTo("/reset");
        assertThat(LanguageLinks.pageOf("POST", "/register/totp/verify")).isEqualTo("/register/totp");
        assertThat(LanguageLinks.pageOf("POST", "/register/email")).isEqualTo("/register/email");
        assertThat(LanguageLinks.pageOf("POST", "/register/questions")).isEqualTo("/register/questions");
        assertThat(LanguageLinks.pageOf("POST", "/register/delete")).isEqualTo("/register");
        assertThat(LanguageLinks.pageOf("POST", "/register/reconfirm")).isEqualTo("/register");
        assertThat(LanguageLinks.pageOf("POST", "/register/step-up/verify")).isEqualTo("/register/step-up");
        assertThat(LanguageLinks.pageOf("POST", "/change")).isEqualTo("/change");
    }

    @Test
    void aPageThatWasGotLinksToItself() {
        assertThat(LanguageLinks.pageOf("GET", "/register/step-up")).isEqualTo("/register/step-up");
        assertThat(LanguageLinks.pageOf("GET", "/login/throttled")).isEqualTo("/login/throttled");
    }
}
