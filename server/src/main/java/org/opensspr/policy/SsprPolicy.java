package org.opensspr.policy;

import java.util.List;
import java.util.Set;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;

/**
 * The SSPR policy (docs/architecture.md, 5.5), valid once constructed. Fields left out of a PUT take the
 * defaults below (enabled for all, one method, email), which is what a fresh server runs with.
 */
public record SsprPolicy(
        EnabledFor enabledFor,
        List<String> groups,
        Integer methodsRequired,
        List<MethodType> methods,
        Integer questionsToRegister,
        Integer questionsToReset,
        Boolean registrationRequired,
        Integer reconfirmDays,
        Boolean notifyUserOnReset,
        Boolean notifyAdminsOnAdminReset,
        Boolean allowUnlock,
        String helpdeskUrl,
        Boolean useDirectoryContacts,
        List<String> customQuestions) {

    public static final SsprPolicy DEFAULT =
            new SsprPolicy(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public SsprPolicy {
        enabledFor = enabledFor == null ? EnabledFor.ALL : enabledFor;
        groups = groups == null ? List.of() : List.copyOf(groups);
        methodsRequired = methodsRequired == null ? 1 : methodsRequired;
        methods = methods == null
                ? List.of(MethodType.EMAIL)
                : List.copyOf(Set.copyOf(methods)).stream().sorted().toList();
        questionsToRegister = questionsToRegister == null ? 3 : questionsToRegister;
        questionsToReset = questionsToReset == null ? 3 : questionsToReset;
        registrationRequired = registrationRequired == null ? Boolean.TRUE : registrationRequired;
        reconfirmDays = reconfirmDays == null ? 180 : reconfirmDays;
        notifyUserOnReset = notifyUserOnReset == null ? Boolean.TRUE : notifyUserOnReset;
        notifyAdminsOnAdminReset = notifyAdminsOnAdminReset == null ? Boolean.TRUE : notifyAdminsOnAdminReset;
        allowUnlock = allowUnlock == null ? Boolean.FALSE : allowUnlock;
        helpdeskUrl = helpdeskUrl == null || helpdeskUrl.isBlank() ? null : helpdeskUrl.strip();
        useDirectoryContacts = useDirectoryContacts == null ? Boolean.TRUE : useDirectoryContacts;
        customQuestions = customQuestions == null
                ? List.of()
                : customQuestions.stream()
                        .map(q -> q == null ? "" : q.strip())
                        .distinct()
                        .toList();
        if (customQuestions.size() > 20) {
            throw new InvalidInput(ProblemCode.POLICY_CUSTOM_QUESTIONS_COUNT);
        }
        for (String question : customQuestions) {
            int length = question.codePointCount(0, question.length());
            if (length < 3 || length > 200) {
                throw new InvalidInput(ProblemCode.POLICY_CUSTOM_QUESTION_LENGTH, question);
            }
        }

        if (enabledFor == EnabledFor.GROUPS && groups.isEmpty()) {
            throw new InvalidInput(ProblemCode.POLICY_GROUPS_REQUIRED);
        }
        if (groups.stream().anyMatch(group -> group == null || group.isBlank())) {
            throw new InvalidInput(ProblemCode.POLICY_GROUP_EMPTY);
        }
        if (methodsRequired != 1 && methodsRequired != 2) {
            throw new InvalidInput(ProblemCode.POLICY_METHODS_REQUIRED);
        }
        if (methods.isEmpty()) {
            throw new InvalidInput(ProblemCode.POLICY_METHODS_EMPTY);
        }
        if (methods.stream().allMatch(type -> type == MethodType.QUESTIONS)) {
            throw new InvalidInput(ProblemCode.POLICY_QUESTIONS_ONLY);
        }
        if (methods.size() < methodsRequired) {
            throw new InvalidInput(ProblemCode.POLICY_METHODS_TOO_FEW, methodsRequired);
        }
        if (questionsToRegister < 3 || questionsToRegister > 5) {
            throw new InvalidInput(ProblemCode.POLICY_QUESTIONS_TO_REGISTER);
        }
        if (questionsToReset < 3 || questionsToReset > 5 || questionsToReset > questionsToRegister) {
            throw new InvalidInput(ProblemCode.POLICY_QUESTIONS_TO_RESET);
        }
        if (reconfirmDays < 0 || reconfirmDays > 730) {
            throw new InvalidInput(ProblemCode.POLICY_RECONFIRM_DAYS);
        }
        if (helpdeskUrl != null
                && !(helpdeskUrl.startsWith("https://")
                        || helpdeskUrl.startsWith("http://")
                        || helpdeskUrl.startsWith("mailto:")
                        || helpdeskUrl.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new InvalidInput(ProblemCode.POLICY_HELPDESK_URL);
        }
    }
}
