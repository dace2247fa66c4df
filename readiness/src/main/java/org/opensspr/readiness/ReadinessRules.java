package org.opensspr.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The readiness rules of docs/architecture.md (5.10), each under its stable id, judged in table order. A device is
 * ready when no finding is an {@link Severity#ERROR error}. Rules that read Windows settings apply
 * to Windows devices only; a value the device did not report counts as Windows' default.
 * Stateless and thread-safe; the remedies follow Microsoft's guidance for the sign-in-screen reset.
 */
public final class ReadinessRules {

    public static final String OS_VERSION = "os-version";
    public static final String JOIN_STATE = "join-state";
    public static final String POLICY_DISABLED = "policy-disabled";
    public static final String REMOTE_SESSION = "remote-session";
    public static final String THIRD_PARTY_CREDENTIAL_PROVIDER = "third-party-credential-provider";
    public static final String UAC_DISABLED = "uac-disabled";
    public static final String CTRL_ALT_DEL_1809 = "ctrl-alt-del-1809";
    public static final String LOCK_SCREEN_NOTIFICATIONS_DISABLED = "lock-screen-notifications-disabled";
    public static final String HIDE_FAST_USER_SWITCHING = "hide-fast-user-switching";
    public static final String DONT_DISPLAY_LAST_USER_NAME = "dont-display-last-user-name";
    public static final String NO_LOCK_SCREEN = "no-lock-screen";
    public static final String LOST_MODE = "lost-mode";
    public static final String CUSTOM_SHELL = "custom-shell";
    public static final String CAD_NOTIFICATIONS_SKU_COMBINATION = "cad-notifications-sku-combination";
    public static final String SMART_CARD_REQUIRED = "smart-card-required";
    public static final String BLOCK_NON_ADMIN_USER_INSTALL = "block-non-admin-user-install";
    public static final String TLS12_DISABLED = "tls12-disabled";
    public static final String DOT1X_PRELOGON = "8021x-prelogon";

    /** Every rule id, in the order of the docs/architecture.md table and of the findings. */
    public static final List<String> IDS = List.of(
            OS_VERSION,
            JOIN_STATE,
            POLICY_DISABLED,
            REMOTE_SESSION,
            THIRD_PARTY_CREDENTIAL_PROVIDER,
            UAC_DISABLED,
            CTRL_ALT_DEL_1809,
            LOCK_SCREEN_NOTIFICATIONS_DISABLED,
            HIDE_FAST_USER_SWITCHING,
            DONT_DISPLAY_LAST_USER_NAME,
            NO_LOCK_SCREEN,
            LOST_MODE,
            CUSTOM_SHELL,
            CAD_NOTIFICATIONS_SKU_COMBINATION,
            SMART_CARD_REQUIRED,
            BLOCK_NON_ADMIN_USER_INSTALL,
            TLS12_DISABLED,
            DOT1X_PRELOGON);

    /**
     * The finding of {@link #OS_VERSION} when the report has no build number, typically a {@code .reg} export of the
     * policy keys only: nothing says the device is too old, so the remedy is to report the version, not to update.
     */
    static final String VERSION_UNKNOWN = "The Windows version is unknown: no build number was reported ("
            + RegistryPaths.CURRENT_BUILD_NUMBER + " is missing).";

    static final String VERSION_UNKNOWN_REMEDY =
            "Include the version: run sspr-agent check on the device itself, or export the version key as well"
                    + " (reg export \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" cv.reg) and check"
                    + " one file that holds both exports (docs/windows.md, \"Checking an export\").";

    static final int WINDOWS_10_FIRST_BUILD = 10240;
    static final int WINDOWS_10_1803 = 17134;
    static final int WINDOWS_10_1809 = 17763;

    /** Judges {@code device}; never null, never throws for missing values. */
    public Verdict evaluate(DeviceState device) {
        Objects.requireNonNull(device, "device cannot be null");
        List<Finding> findings = new ArrayList<>();
        boolean windows = device.isWindows();
        boolean legacy = windows && device.osBuild() > 0 && device.osBuild() < WINDOWS_10_FIRST_BUILD;
        boolean cadRequired = is(device, RegistryPaths.DISABLE_CAD, 0);
        boolean notificationsOff = is(device, RegistryPaths.DISABLE_LOCK_SCREEN_APP_NOTIFICATIONS, 1);
        if (legacy) {
            findings.add(
                    error(
                            OS_VERSION,
                            "Windows 7, 8 and 8.1 (build " + device.osBuild()
                                    + ") have no built-in reset link on the sign-in screen.",
                            "Upgrade to Windows 10 version 1803 or later, or Windows 11. Until then users reset at the web portal: OpenSSPR has no legacy sign-in screen component for these versions (docs/windows.md)."));
        } else if (windows && device.osBuild() <= 0) {
            findings.add(error(OS_VERSION, VERSION_UNKNOWN, VERSION_UNKNOWN_REMEDY));
        } else if (windows && device.osBuild() < WINDOWS_10_1803) {
            findings.add(error(
                    OS_VERSION,
                    "Windows 10 build " + device.osBuild() + " is older than version 1803 (build 17134).",
                    "Update Windows to version 1803 or later (Windows 11 is fine)."));
        }
        if (!device.joined()) {
            findings.add(error(
                    JOIN_STATE,
                    "The device is not joined to this server.",
                    "Join it with an admin-issued join token: sspr-agent join --server URL --token TOKEN."));
        }
        if (!Objects.equals(number(device.setting(OmaUris.ALLOW_PASSWORD_RESET)), 1L)
                && !is(device, RegistryPaths.ALLOW_PASSWORD_RESET, 1)) {
            findings.add(error(
                    POLICY_DISABLED,
                    "Password reset from the sign-in screen is not turned on for this device.",
                    "Assign the device a configuration profile with " + OmaUris.ALLOW_PASSWORD_RESET
                            + " = 1 (integer), or set the DWORD " + RegistryPaths.ALLOW_PASSWORD_RESET + " to 1."));
        }
        if (device.sessionType() != SessionType.CONSOLE) {
            findings.add(error(
                    REMOTE_SESSION,
                    "The sign-in screen is reached through a "
                            + (device.sessionType() == SessionType.RDP ? "Remote Desktop" : "enhanced Hyper-V")
                            + " session, where the reset link is not offered.",
                    "Sign in at the device's console or in a basic Hyper-V session, or reset at the web portal."));
        }
        if (windows) {
            SortedSet<String> thirdParty = thirdPartyCredentialProviders(device);
            if (!thirdParty.isEmpty()) {
                findings.add(
                        warning(
                                THIRD_PARTY_CREDENTIAL_PROVIDER,
                                "Credential providers not from Microsoft are registered: "
                                        + String.join(", ", thirdParty) + ".",
                                "Such providers can hide or replace the reset link. Test a reset from the sign-in screen; if the link is missing, filter or remove the provider."));
            }
        }
        check(
                findings,
                windows && is(device, RegistryPaths.ENABLE_LUA, 0),
                UAC_DISABLED,
                "User Account Control is turned off (EnableLUA = 0).",
                "Turn User Account Control on: enable 'User Account Control: Run all administrators in Admin Approval Mode' (EnableLUA = 1) and restart.");
        check(
                findings,
                windows && device.osBuild() == WINDOWS_10_1809 && cadRequired,
                CTRL_ALT_DEL_1809,
                "Windows 10 version 1809 with Ctrl+Alt+Del required (DisableCAD = 0): the reset link does not work there.",
                "Update to a later Windows release, or enable 'Interactive logon: Do not require CTRL+ALT+DEL' (DisableCAD = 1).");
        check(
                findings,
                windows && notificationsOff,
                LOCK_SCREEN_NOTIFICATIONS_DISABLED,
                "App notifications on the lock screen are turned off (DisableLockScreenAppNotifications = 1).",
                "Disable the policy 'Turn off app notifications on the lock screen' (System > Logon), or set the value to 0.");
        check(
                findings,
                windows && is(device, RegistryPaths.HIDE_FAST_USER_SWITCHING, 1),
                HIDE_FAST_USER_SWITCHING,
                "Entry points for Fast User Switching are hidden (HideFastUserSwitching = 1).",
                "Disable the policy 'Hide entry points for Fast User Switching' (System > Logon), or set the value to 0.");
        check(
                findings,
                windows && is(device, RegistryPaths.DONT_DISPLAY_LAST_USER_NAME, 1),
                DONT_DISPLAY_LAST_USER_NAME,
                "The sign-in screen does not show the last signed-in user (DontDisplayLastUserName = 1).",
                "Disable the security option 'Interactive logon: Don't display last signed-in', or set the value to 0.");
        check(
                findings,
                windows && is(device, RegistryPaths.NO_LOCK_SCREEN, 1),
                NO_LOCK_SCREEN,
                "The lock screen is turned off (NoLockScreen = 1).",
                "Disable the policy 'Do not display the lock screen' (Control Panel > Personalization), or set the value to 0.");
        check(
                findings,
                device.lostMode(),
                LOST_MODE,
                "The device is in MDM lost mode (EnableLostMode).",
                "Take the device out of lost mode once it is back with its user (DisableLostMode); lost mode hides the reset link.");
        Object shell = device.registryValue(RegistryPaths.WINLOGON_SHELL);
        check(
                findings,
                windows && shell != null && !isExplorer(shell.toString()),
                CUSTOM_SHELL,
                "The sign-in shell is '" + shell + "', not explorer.exe.",
                "Set Winlogon\\Shell back to explorer.exe; kiosk and custom shells do not show the reset link.");
        String edition =
                device.edition() == null ? "" : device.edition().strip().toLowerCase(Locale.ROOT);
        boolean homeOrPro = edition.startsWith("home")
                || edition.startsWith("pro")
                || edition.startsWith("core")
                || edition.equals("professional");
        check(
                findings,
                windows && cadRequired && notificationsOff && !homeOrPro,
                CAD_NOTIFICATIONS_SKU_COMBINATION,
                "Ctrl+Alt+Del is required and lock-screen notifications are off on "
                        + (edition.isEmpty() ? "a non-Home, non-Pro" : "the " + device.edition())
                        + " edition: together these stop the reset link.",
                "Change one of the three: enable 'Interactive logon: Do not require CTRL+ALT+DEL' or turn lock-screen app notifications back on.");
        check(
                findings,
                windows && is(device, RegistryPaths.SC_FORCE_OPTION, 1),
                SMART_CARD_REQUIRED,
                "Sign-in requires a smart card or Windows Hello for Business (scforceoption = 1).",
                "Disable 'Interactive logon: Require Windows Hello for Business or smart card' for devices that should offer the reset link.");
        check(
                findings,
                windows && is(device, RegistryPaths.BLOCK_NON_ADMIN_USER_INSTALL, 1),
                BLOCK_NON_ADMIN_USER_INSTALL,
                "Non-admin users may not install packaged apps (BlockNonAdminUserInstall = 1), which the reset experience needs.",
                "Disable the policy 'Prevent non-admin users from installing packaged Windows apps' (App Package Deployment), or set the value to 0.");
        check(
                findings,
                legacy
                        && !(is(device, RegistryPaths.TLS12_CLIENT_ENABLED, 1)
                                && is(device, RegistryPaths.TLS12_CLIENT_DISABLED_BY_DEFAULT, 0)),
                TLS12_DISABLED,
                "The TLS 1.2 client is not enabled by default under SCHANNEL.",
                "Under " + RegistryPaths.TLS12_CLIENT
                        + " set Enabled = 1 and DisabledByDefault = 0 (enabled, not merely negotiable), and install the update that lets WinHTTP use TLS 1.2.");
        if (device.dot1xBeforeLogon()) {
            findings.add(
                    warning(
                            DOT1X_PRELOGON,
                            "802.1X is set to 'Perform immediately before user logon', so the network may be down at the sign-in screen.",
                            "Use machine (computer) authentication for 802.1X, so the device is on the network before anyone signs in."));
        }
        return new Verdict(findings);
    }

    private static void check(List<Finding> findings, boolean broken, String rule, String message, String remedy) {
        if (broken) {
            findings.add(error(rule, message, remedy));
        }
    }

    private static boolean is(DeviceState device, String path, long expected) {
        Long value = device.registryNumber(path);
        return value != null && value == expected;
    }

    private static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isExplorer(String shell) {
        String value = shell.strip().toLowerCase(Locale.ROOT);
        return value.equals("explorer.exe") || value.equals("explorer") || value.endsWith("\\explorer.exe");
    }

    private static SortedSet<String> thirdPartyCredentialProviders(DeviceState device) {
        TreeSet<String> providers = new TreeSet<>();
        for (String key : device.registry().keySet()) {
            String clsid = RegistryPaths.credentialProvider(key);
            if (clsid != null && !RegistryPaths.MICROSOFT_CREDENTIAL_PROVIDERS.contains(clsid)) {
                providers.add(clsid);
            }
        }
        return providers;
    }

    private static Finding error(String rule, String message, String remedy) {
        return new Finding(rule, Severity.ERROR, message, remedy);
    }

    private static Finding warning(String rule, String message, String remedy) {
        return new Finding(rule, Severity.WARNING, message, remedy);
    }
}
