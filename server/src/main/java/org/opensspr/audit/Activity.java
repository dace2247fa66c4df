package org.opensspr.audit;

/**
 * Activity names, exactly as Azure AD writes them in its audit log. Entra ID keeps sign-ins in a
 * separate log without activity names; {@link #SIGN_IN} is ours, and its details carry Entra's
 * sign-in error codes (50126 invalid username or password, 50053 locked by too many attempts).
 */
public final class Activity {

    public static final String RESET_PASSWORD = "Reset password (self-service)";
    public static final String FLOW_PROGRESS = "Self-service password reset flow activity progress";
    public static final String BLOCKED = "Blocked from self-service password reset";
    public static final String UNLOCK = "Unlock user account (self-service)";
    public static final String CHANGE_PASSWORD = "Change password (self-service)";
    public static final String UPDATE_POLICY = "Update SSPR policy";
    public static final String UPDATE_PASSWORD_POLICY = "Update password policy";
    public static final String ADMIN_UPDATED_SECURITY_INFO = "Admin updated security info";
    public static final String REGISTERED_SECURITY_INFO = "User registered security info";
    public static final String DELETED_SECURITY_INFO = "User deleted security info";
    /** Not an Azure name: Azure asks for MFA before a change; this records the proof (issue 11). */
    public static final String STEP_UP = "User verified their identity to change security info";

    public static final String REGISTERED_ALL_SECURITY_INFO = "User registered all required security info";
    /** The user confirmed at the reconfirmation interrupt that their security info is still current. */
    public static final String REVIEWED_SECURITY_INFO = "User reviewed security info";

    public static final String CREATE_API_KEY = "Create API key";
    public static final String DELETE_API_KEY = "Delete API key";
    public static final String CREATE_JOIN_TOKEN = "Create device join token";
    public static final String REVOKE_JOIN_TOKEN = "Revoke device join token";
    public static final String JOIN_DEVICE = "Join device";
    public static final String UPDATE_DEVICE = "Update device";
    public static final String DELETE_DEVICE = "Delete device";
    public static final String UPDATE_DEVICE_PROFILE = "Update device configuration profile";
    public static final String START_LOGON_SESSION = "Start logon session";
    /** A password sign-in (HTTP Basic, the portal's form) that failed ({@code Failure}) or had to wait ({@code Blocked}). */
    public static final String SIGN_IN = "Sign in with password";

    // Helpdesk (issue 14): not Azure names; the actor is the helpdesk member or admin, the target the user.
    public static final String HELPDESK_LIFT_BLOCK = "Lift block (helpdesk)";
    public static final String HELPDESK_DELETE_SECURITY_INFO = "Delete security info (helpdesk)";
    public static final String HELPDESK_REQUIRE_REGISTRATION = "Require re-registration of security info (helpdesk)";
    public static final String HELPDESK_SEND_RESET_LINK = "Send password reset link (helpdesk)";

    // --- branding (issue 14) ---
    /** The branding or its logo changed (not an Azure name: Azure audits company branding in Entra ID). */
    public static final String UPDATE_BRANDING = "Update branding";

    private Activity() {}
}
