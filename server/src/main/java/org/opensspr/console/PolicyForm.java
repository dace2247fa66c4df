package org.opensspr.console;

import java.util.Arrays;
import java.util.List;
import org.opensspr.policy.EnabledFor;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.SsprPolicy;

/**
 * The policy page's form as posted: every field of the policy (an unticked box is absent, so
 * false), lists as one entry per line, and {@code version}, the policy the form was made from
 * ({@link PolicyPageController#version}).
 */
record PolicyForm(
        String version,
        String enabledFor,
        String groups,
        Integer methodsRequired,
        List<String> methods,
        Integer questionsToRegister,
        Integer questionsToReset,
        Boolean registrationRequired,
        Integer reconfirmDays,
        Boolean notifyUserOnReset,
        Boolean notifyAdminsOnAdminReset,
        Boolean allowUnlock,
        String helpdeskUrl,
        Boolean useDirectoryContacts,
        String customQuestions) {

    static PolicyForm of(SsprPolicy policy, String version) {
        return new PolicyForm(
                version,
                policy.enabledFor().id(),
                String.join("\n", policy.groups()),
                policy.methodsRequired(),
                policy.methods().stream().map(MethodType::id).toList(),
                policy.questionsToRegister(),
                policy.questionsToReset(),
                policy.registrationRequired(),
                policy.reconfirmDays(),
                policy.notifyUserOnReset(),
                policy.notifyAdminsOnAdminReset(),
                policy.allowUnlock(),
                policy.helpdeskUrl() == null ? "" : policy.helpdeskUrl(),
                policy.useDirectoryContacts(),
                String.join("\n", policy.customQuestions()));
    }

    /**
     * The policy this form describes, checked by the policy's own rules.
     *
     * @throws IllegalArgumentException what the policy refuses (an {@code InvalidInput} names its text)
     */
    SsprPolicy policy() {
        return new SsprPolicy(
                EnabledFor.of(enabledFor == null ? "" : enabledFor),
                lines(groups),
                methodsRequired,
                methods == null
                        ? List.of()
                        : methods.stream().map(MethodType::of).toList(),
                questionsToRegister,
                questionsToReset,
                Boolean.TRUE.equals(registrationRequired),
                reconfirmDays,
                Boolean.TRUE.equals(notifyUserOnReset),
                Boolean.TRUE.equals(notifyAdminsOnAdminReset),
                Boolean.TRUE.equals(allowUnlock),
                helpdeskUrl,
                Boolean.TRUE.equals(useDirectoryContacts),
                lines(customQuestions));
    }

    public boolean offers(String method) {
        return methods != null && methods.contains(method);
    }

    private static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }
}
