package org.opensspr.policy;

import java.util.List;
import java.util.Set;

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
            throw new IllegalArgumentException("customQuestions can hold at most 20 questions");
        }
        for (String question : customQuestions) {
            int length = question.codePointCount(0, question.length());
            if (length < 3 || length > 200) {
                throw new IllegalArgumentException("a custom question must be 3-200 characters: '" + question + "'");
            }
        }

        if (enabledFor == EnabledFor.GROUPS && groups.isEmpty()) {
            throw new IllegalArgumentException("enabledFor 'groups' needs at least one group in 'groups'");
        }
        if (groups.stream().anyMatch(group -> group == null || group.isBlank())) {
            throw new IllegalArgumentException("groups cannot hold an empty name");
        }
        if (methodsRequired != 1 && methodsRequired != 2) {
            throw new IllegalArgumentException("methodsRequired must be 1 or 2");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("methods must name at least one of email, sms, totp, questions");
        }
        if (methods.stream().allMatch(type -> type == MethodType.QUESTIONS)) {
            throw new IllegalArgumentException("security questions cannot be the only method: add email, sms or totp");
        }
        if (methods.size() < methodsRequired) {
            throw new IllegalArgumentException(
                    "methods must offer at least methodsRequired (" + methodsRequired + ") methods");
        }
        if (questionsToRegister < 3 || questionsToRegister > 5) {
            throw new IllegalArgumentException("questionsToRegister must be between 3 and 5");
        }
        if (questionsToReset < 3 || questionsToReset > 5 || questionsToReset > questionsToRegister) {
            throw new IllegalArgumentException(
                    "questionsToReset must be between 3 and 5 and not more than questionsToRegister");
        }
        if (reconfirmDays < 0 || reconfirmDays > 730) {
            throw new IllegalArgumentException("reconfirmDays must be between 0 (never) and 730");
        }
        if (helpdeskUrl != null
                && !(helpdeskUrl.startsWith("https://")
                        || helpdeskUrl.startsWith("http://")
                        || helpdeskUrl.startsWith("mailto:")
                        || helpdeskUrl.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new IllegalArgumentException(
                    "helpdeskUrl must be an http(s) URL, a mailto: link or an email address");
        }
    }
}
