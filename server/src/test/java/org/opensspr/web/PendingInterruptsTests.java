package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** A pending sign-in interrupt keeps the user on the security-info pages and sends them on only within this server. */
class PendingInterruptsTests {

    @Test
    void theSecurityInfoPagesSigningOutAndThePublicPagesStayOpen() {
        assertThat(PendingInterrupts.open("/register")).isTrue();
        assertThat(PendingInterrupts.open("/register/email")).isTrue();
        assertThat(PendingInterrupts.open("/register/step-up/verify")).isTrue();
        assertThat(PendingInterrupts.open("/logout")).isTrue();
        assertThat(PendingInterrupts.open("/reset/start")).isTrue();
        assertThat(PendingInterrupts.open("/")).isTrue();
    }

    @Test
    void everyOtherSignedInPageWaits() {
        assertThat(PendingInterrupts.open("/change")).isFalse();
        assertThat(PendingInterrupts.open("/change/anything")).isFalse();
        assertThat(PendingInterrupts.open("/registered")).isFalse();
    }

    @Test
    void finishWhenStartedThenTheSavedPathAndNothingPending() {
        MockHttpSession session = new MockHttpSession();
        PendingInterrupts.start(session, "/register/interrupt", "/change?continue");
        assertThat(PendingInterrupts.page(session)).contains("/register/interrupt");
        assertThat(PendingInterrupts.finish(session)).isEqualTo("/change?continue");
        assertThat(PendingInterrupts.page(session)).isEmpty();
        assertThat(PendingInterrupts.finish(session)).isEqualTo("/register");
    }

    @Test
    void finishWhenTheSavedPathLeavesThisServerThenTheOverview() {
        MockHttpSession session = new MockHttpSession();
        PendingInterrupts.start(session, "/register/interrupt", "//evil.example/phish");
        assertThat(PendingInterrupts.finish(session)).isEqualTo("/register");
        PendingInterrupts.start(session, "/register/interrupt", "https://evil.example/");
        assertThat(PendingInterrupts.finish(session)).isEqualTo("/register");
    }
}
