package org.opensspr.audit;

/** Activity names, exactly as Azure AD writes them in its audit log. */
public final class Activity {

    public static final String RESET_PASSWORD = "Reset password (self-service)";
    public static final String FLOW_PROGRESS = "Self-service password reset flow activity progress";
    public static final String BLOCKED = "Blocked from self-service password reset";
    public static final String UNLOCK = "Unlock user account (self-service)";
    public static final String CHANGE_PASSWORD = "Change password (self-service)";
    public static final String UPDATE_POLICY = "Update SSPR policy";
    public static final String ADMIN_UPDATED_SECURITY_INFO = "Admin updated security info";

    private Activity() {
    }
}
