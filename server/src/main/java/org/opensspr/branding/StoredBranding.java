package org.opensspr.branding;

import org.opensspr.system.StoredSetting;

/**
 * The branding as the {@code settings} row {@code branding} keeps it: its own record, apart from the
 * API's {@link Branding} (architecture 5.11). Every field is optional. Version 1 is the first.
 */
record StoredBranding(
        String organisationName, String primaryColour, String accentColour, StoredHelpdeskText helpdeskText) {

    static final StoredSetting<StoredBranding> SETTING = StoredSetting.of("branding", StoredBranding.class);

    record StoredHelpdeskText(String en, String nl) {}

    static StoredBranding of(Branding branding) {
        return new StoredBranding(
                branding.organisationName(),
                branding.primaryColour(),
                branding.accentColour(),
                branding.helpdeskText() == null
                        ? null
                        : new StoredHelpdeskText(
                                branding.helpdeskText().en(),
                                branding.helpdeskText().nl()));
    }

    Branding branding() {
        return new Branding(
                organisationName,
                primaryColour,
                accentColour,
                helpdeskText == null ? null : new Branding.HelpdeskText(helpdeskText.en(), helpdeskText.nl()));
    }
}
