package org.opensspr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

class SsprPolicyTests {

    private static SsprPolicy policy(
            EnabledFor enabledFor,
            List<String> groups,
            Integer required,
            List<MethodType> methods,
            Integer toRegister,
            Integer toReset,
            Integer reconfirm,
            String helpdesk) {
        return new SsprPolicy(
                enabledFor,
                groups,
                required,
                methods,
                toRegister,
                toReset,
                null,
                reconfirm,
                null,
                null,
                null,
                helpdesk,
                null,
                null);
    }

    @Test
    void defaultsAreEnabledForAllWithOneEmailMethod() {
        assertThat(SsprPolicy.DEFAULT.enabledFor()).isEqualTo(EnabledFor.ALL);
        assertThat(SsprPolicy.DEFAULT.methodsRequired()).isEqualTo(1);
        assertThat(SsprPolicy.DEFAULT.methods()).containsExactly(MethodType.EMAIL);
        assertThat(SsprPolicy.DEFAULT.useDirectoryContacts()).isTrue();
        assertThat(SsprPolicy.DEFAULT.allowUnlock()).isFalse();
    }

    @Test
    void groupsScopeNeedsAGroup() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(EnabledFor.GROUPS, List.of(), null, null, null, null, null, null))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).code())
                .isEqualTo(ProblemCode.POLICY_GROUPS_REQUIRED);
        assertThat(policy(EnabledFor.GROUPS, List.of("staff", "helpdesk"), null, null, null, null, null, null)
                        .groups())
                .containsExactly("staff", "helpdesk");
    }

    @Test
    void methodsRequiredIsOneOrTwoAndNeedsThatManyMethods() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, 3, null, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, 0, null, null, null, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(null, null, 2, List.of(MethodType.EMAIL), null, null, null, null))
                .withMessageContaining("policy-methods-too-few");
        assertThat(policy(
                                null,
                                null,
                                2,
                                List.of(MethodType.TOTP, MethodType.EMAIL, MethodType.EMAIL),
                                null,
                                null,
                                null,
                                null)
                        .methods())
                .as("deduplicated and in a stable order")
                .containsExactly(MethodType.EMAIL, MethodType.TOTP);
    }

    @Test
    void questionCountsAreThreeToFiveAndResetNeverAsksMoreThanRegistered() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, null, null, 2, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, null, null, 6, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, null, null, 3, 4, null, null));
        assertThat(policy(null, null, null, null, 5, 4, null, null).questionsToReset())
                .isEqualTo(4);
    }

    @Test
    void reconfirmDaysAreZeroTo730() {
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, null, null, null, null, -1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> policy(null, null, null, null, null, null, 731, null));
        assertThat(policy(null, null, null, null, null, null, 0, null).reconfirmDays())
                .isZero();
    }

    @Test
    void helpdeskIsAUrlOrAnEmailAddress() {
        assertThat(policy(null, null, null, null, null, null, null, " https://help.example.org ")
                        .helpdeskUrl())
                .isEqualTo("https://help.example.org");
        assertThat(policy(null, null, null, null, null, null, null, "help@example.org")
                        .helpdeskUrl())
                .isEqualTo("help@example.org");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(null, null, null, null, null, null, null, "javascript:alert(1)"));
    }

    @Test
    void securityQuestionsNeverStandAlone() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(null, null, 1, List.of(MethodType.QUESTIONS), null, null, null, null))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).code())
                .isEqualTo(ProblemCode.POLICY_QUESTIONS_ONLY);
    }

    @Test
    void customQuestionsAreAtMostTwentyOfThreeTo200Characters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SsprPolicy(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, List.of("ab")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SsprPolicy(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        java.util.stream.IntStream.range(0, 21)
                                .mapToObj(i -> "Question " + i + "?")
                                .toList()));
        assertThat(new SsprPolicy(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(" Which street did you grow up in? "))
                        .customQuestions())
                .containsExactly("Which street did you grow up in?");
    }

    @Test
    void adminsNeedTwoMethodsAndNeverQuestions() {
        SsprPolicy policy =
                policy(null, null, 1, List.of(MethodType.EMAIL, MethodType.QUESTIONS), null, null, null, null);
        Requirements admin = PolicyService.requirements(policy, true);
        assertThat(admin.required()).isEqualTo(2);
        assertThat(admin.allowed()).containsExactly(MethodType.EMAIL, MethodType.SMS, MethodType.TOTP);
        Requirements user = PolicyService.requirements(policy, false);
        assertThat(user.required()).isEqualTo(1);
        assertThat(user.allowed()).as("questions never count alone").containsExactly(MethodType.EMAIL);
        SsprPolicy two = policy(null, null, 2, List.of(MethodType.EMAIL, MethodType.QUESTIONS), null, null, null, null);
        assertThat(PolicyService.requirements(two, false).allowed())
                .containsExactly(MethodType.EMAIL, MethodType.QUESTIONS);
    }

    @Test
    void methodNamesAreTheContractsLowerCaseIds() {
        assertThat(MethodType.of("questions")).isEqualTo(MethodType.QUESTIONS);
        assertThat(MethodType.SMS.id()).isEqualTo("sms");
        assertThatIllegalArgumentException().isThrownBy(() -> MethodType.of("EMAIL"));
    }
}
