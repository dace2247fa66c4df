package org.opensspr.readiness;

import java.util.Locale;
import java.util.Set;

/** The registry values the readiness rules read, as full value paths under {@code HKLM}. */
public final class RegistryPaths {

    static final String SYSTEM_POLICIES = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\";

    public static final String ALLOW_PASSWORD_RESET =
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount\\AllowPasswordReset";
    public static final String ENABLE_LUA = SYSTEM_POLICIES + "EnableLUA";
    public static final String DISABLE_CAD = SYSTEM_POLICIES + "DisableCAD";
    public static final String HIDE_FAST_USER_SWITCHING = SYSTEM_POLICIES + "HideFastUserSwitching";
    public static final String DONT_DISPLAY_LAST_USER_NAME = SYSTEM_POLICIES + "DontDisplayLastUserName";
    public static final String SC_FORCE_OPTION = SYSTEM_POLICIES + "scforceoption";
    public static final String DISABLE_LOCK_SCREEN_APP_NOTIFICATIONS =
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System\\DisableLockScreenAppNotifications";
    public static final String NO_LOCK_SCREEN =
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Personalization\\NoLockScreen";
    /** The build number the version rules read ({@code "19045"}); {@code CurrentBuild} holds the same. */
    public static final String CURRENT_BUILD_NUMBER =
            "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber";

    public static final String WINLOGON_SHELL =
            "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Shell";
    public static final String BLOCK_NON_ADMIN_USER_INSTALL =
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Appx\\BlockNonAdminUserInstall";
    static final String TLS12_CLIENT =
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client\\";
    public static final String TLS12_CLIENT_ENABLED = TLS12_CLIENT + "Enabled";
    public static final String TLS12_CLIENT_DISABLED_BY_DEFAULT = TLS12_CLIENT + "DisabledByDefault";
    /** Each registered credential provider is a key {@code {CLSID}} below this one; any value under it reports the key. */
    public static final String CREDENTIAL_PROVIDERS =
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\Credential Providers\\";

    /** The credential providers Windows itself registers (CLSIDs in lower case, with braces). */
    static final Set<String> MICROSOFT_CREDENTIAL_PROVIDERS = Set.of(
            "{01a30791-40ae-4653-ab2e-fd210019ae88}", // Automatic Redeployment
            "{1b283861-754f-4022-ad47-a5eaaa618894}", // Smartcard Reader Selection
            "{1ee7337f-85ac-45e2-a23c-37c753209769}", // Smartcard WinRT
            "{2135f72a-90b5-4ed3-a7f1-8bb705ac276a}", // Picture password
            "{25cbb996-92ed-457e-b28c-4774084bd562}", // Generic
            "{27fbdb57-b613-4af2-9d7e-4fa7a66c21ad}", // Trusted signal
            "{3dd6bec0-8193-4ffe-ae25-e08e39ea4063}", // NP (network provider)
            "{48b4e58d-2791-456c-9091-d524c6c706f2}", // Secondary authentication factor
            "{600e7adb-da3e-41a4-9225-3c0399e88c0c}", // CNG CredUI
            "{60b78e88-ead8-445c-9cfd-0b87f74ea6cd}", // Password
            "{8af662bf-65a0-4d0a-a540-a338a999d36f}", // Face
            "{8fd7e19c-3bf7-489b-a72c-846ab3678c96}", // Smartcard
            "{94596c7e-3744-41ce-893e-bbf09122f76a}", // Smartcard PIN
            "{bec09223-b018-416d-a0ac-523971b639f5}", // Windows Biometric
            "{c5d7540a-cd51-453b-b22b-05305ba03f07}", // Cloud experience
            "{cb82ea12-9f71-446d-89e1-8d0924e1256e}", // PIN
            "{d6886603-9d2f-4eb2-b667-1971041fa96b}", // NGC (Windows Hello)
            "{e74e57b0-6c6d-44d5-9cda-fb2df5ed7435}", // Certificate
            "{f8a0b131-5f68-486c-8040-7e8fc3c85bb6}", // Microsoft account
            "{f8a1793b-7873-4046-b2a7-1f318747f427}"); // FIDO

    private RegistryPaths() {}

    /** The CLSID of the provider a registry key path names, lower case, or null when the path is not below {@link #CREDENTIAL_PROVIDERS}. */
    static String credentialProvider(String registryKey) {
        String prefix = CREDENTIAL_PROVIDERS.toLowerCase(Locale.ROOT);
        if (!registryKey.startsWith(prefix)) {
            return null;
        }
        String rest = registryKey.substring(prefix.length());
        int end = rest.indexOf('\\');
        String clsid = end < 0 ? rest : rest.substring(0, end);
        return clsid.startsWith("{") && clsid.endsWith("}") ? clsid : null;
    }
}
