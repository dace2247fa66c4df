package org.opensspr.readiness;

import java.util.Locale;

/**
 * OMA-URI paths of configuration settings. Windows accepts a device-wide policy both as
 * {@code ./Vendor/MSFT/...} and as {@code ./Device/Vendor/MSFT/...}; {@link #normalize} maps both
 * to the first form so that the two name one setting.
 */
public final class OmaUris {

    /** The setting that turns the reset link on the sign-in screen on (integer 1) or off (0). */
    public static final String ALLOW_PASSWORD_RESET =
            "./Vendor/MSFT/Policy/Config/Authentication/AllowAadPasswordReset";

    private static final String DEVICE_PREFIX = "./device/";

    private OmaUris() {}

    /** The canonical form: {@code ./Device/} dropped, surrounding blanks stripped; null stays null. */
    public static String normalize(String omaUri) {
        if (omaUri == null) {
            return null;
        }
        String uri = omaUri.strip();
        if (uri.toLowerCase(Locale.ROOT).startsWith(DEVICE_PREFIX)) {
            uri = "./" + uri.substring(DEVICE_PREFIX.length());
        }
        return uri;
    }

    /** A key that compares canonical forms without regard to case. */
    public static String key(String omaUri) {
        String normalized = normalize(omaUri);
        return normalized == null ? null : normalized.toLowerCase(Locale.ROOT);
    }
}
