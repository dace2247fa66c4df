package org.opensspr.readiness;

import java.util.Locale;

/** How bad a finding is: an {@link #ERROR} blocks reset from the sign-in screen, a {@link #WARNING} may break it. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as the API and the agent write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
