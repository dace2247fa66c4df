package org.opensspr.passwordpolicy;

import java.util.List;
import org.opensspr.system.StoredSetting;

/**
 * The password policy's settings as the {@code settings} row {@code password-policy} keeps them: a
 * record of its own, apart from the engine's {@link PasswordSettings} and the API's body, so either can
 * change without making a stored policy unreadable. Every field is optional (null: the default of
 * {@link PasswordSettings#defaults()}). Version 1 is the document that servers before issue 14 wrote, the
 * same fields; a rename, a removal or a narrowed value is a step in {@link #SETTING} (architecture 5.11).
 */
record StoredPasswordSettings(
        Integer minLength,
        Integer maxLength,
        List<String> customBannedTerms,
        Boolean enforceCustomList,
        Boolean requireThreeClasses,
        Boolean checkBreached,
        Integer historySize) {

    /** No upgrade step yet: version 1. */
    static final StoredSetting<StoredPasswordSettings> SETTING =
            StoredSetting.of("password-policy", StoredPasswordSettings.class);

    static StoredPasswordSettings of(PasswordSettings settings) {
        return new StoredPasswordSettings(
                settings.minLength(),
                settings.maxLength(),
                settings.customBannedTerms(),
                settings.enforceCustomList(),
                settings.requireThreeClasses(),
                settings.checkBreached(),
                settings.historySize());
    }

    /** The settings, checked as any are; missing fields take their defaults. */
    PasswordSettings settings() {
        PasswordSettings defaults = PasswordSettings.defaults();
        return new PasswordSettings(
                minLength == null ? defaults.minLength() : minLength,
                maxLength == null ? defaults.maxLength() : maxLength,
                customBannedTerms == null ? defaults.customBannedTerms() : customBannedTerms,
                enforceCustomList == null ? defaults.enforceCustomList() : enforceCustomList,
                requireThreeClasses == null ? defaults.requireThreeClasses() : requireThreeClasses,
                checkBreached == null ? defaults.checkBreached() : checkBreached,
                historySize == null ? defaults.historySize() : historySize);
    }
}
