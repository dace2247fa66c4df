package org.opensspr.policy;

import java.util.List;
import org.opensspr.system.StoredSetting;

/**
 * The SSPR policy as the {@code settings} row {@code sspr-policy} keeps it: its own record, apart from
 * the API's {@link SsprPolicy}, so the API can change without making stored policies unreadable. Every
 * field is optional (null: the policy's default, {@link SsprPolicy}'s compact constructor). Version 1
 * is the document that servers before issue 14 wrote, the same fields; a rename, a removal or a
 * narrowed value is a step in {@link #SETTING} (architecture 5.11).
 */
record StoredPolicy(
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

    /** No upgrade step yet: version 1. */
    static final StoredSetting<StoredPolicy> SETTING = StoredSetting.of("sspr-policy", StoredPolicy.class);

    static StoredPolicy of(SsprPolicy policy) {
        return new StoredPolicy(
                policy.enabledFor(),
                policy.groups(),
                policy.methodsRequired(),
                policy.methods(),
                policy.questionsToRegister(),
                policy.questionsToReset(),
                policy.registrationRequired(),
                policy.reconfirmDays(),
                policy.notifyUserOnReset(),
                policy.notifyAdminsOnAdminReset(),
                policy.allowUnlock(),
                policy.helpdeskUrl(),
                policy.useDirectoryContacts(),
                policy.customQuestions());
    }

    /** The policy, checked as any policy is; missing fields take their defaults. */
    SsprPolicy policy() {
        return new SsprPolicy(
                enabledFor,
                groups,
                methodsRequired,
                methods,
                questionsToRegister,
                questionsToReset,
                registrationRequired,
                reconfirmDays,
                notifyUserOnReset,
                notifyAdminsOnAdminReset,
                allowUnlock,
                helpdeskUrl,
                useDirectoryContacts,
                customQuestions);
    }
}
