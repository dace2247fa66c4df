package org.opensspr.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.policy.MethodType;

/** What the registration interrupt asks, from a user's security info and the policy. */
class SecurityInfoStatusTests {

    private static final VerificationMethod EMAIL = new VerificationMethod("email", MethodType.EMAIL, "a@example.org");
    private static final List<MethodType> ALLOWED = List.of(MethodType.EMAIL, MethodType.SMS, MethodType.TOTP);

    @Test
    void interruptWhenTooFewMethodsThenSetUpBeforeReconfirming() {
        SecurityInfoService.Status status = status(2, List.of(EMAIL), true, true);
        assertThat(status.complete()).isFalse();
        assertThat(status.missing()).isEqualTo(1);
        assertThat(status.interrupt()).isEqualTo(SecurityInfoService.Interrupt.SET_UP);
    }

    @Test
    void interruptWhenCompleteAndDueThenReconfirm() {
        assertThat(status(1, List.of(EMAIL), true, true).interrupt())
                .isEqualTo(SecurityInfoService.Interrupt.RECONFIRM);
        assertThat(status(1, List.of(EMAIL), true, false).interrupt()).isEqualTo(SecurityInfoService.Interrupt.NONE);
    }

    @Test
    void interruptWhenRegistrationIsNotRequiredThenNone() {
        assertThat(status(2, List.of(), false, true).interrupt()).isEqualTo(SecurityInfoService.Interrupt.NONE);
    }

    @Test
    void addableWhenAMethodCountsThenOnlyTheOthersTheyAllow() {
        assertThat(status(2, List.of(EMAIL), true, false).addable()).containsExactly(MethodType.SMS, MethodType.TOTP);
        assertThat(status(2, List.of(EMAIL), true, false).registered(MethodType.EMAIL))
                .isTrue();
        assertThat(status(2, List.of(EMAIL), true, false).registered(MethodType.SMS))
                .isFalse();
    }

    private static SecurityInfoService.Status status(
            int required, List<VerificationMethod> usable, boolean registrationRequired, boolean reconfirmDue) {
        List<RegistrationService.RegisteredView> registered = usable.stream()
                .map(m -> new RegistrationService.RegisteredView(m.type().id(), m.hint(), Instant.EPOCH))
                .toList();
        return new SecurityInfoService.Status(
                required, ALLOWED, usable, registered, registrationRequired, reconfirmDue);
    }
}
