package org.opensspr.enrollment;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code otpauth://} URI an authenticator app scans to add an account, in Google's Key Uri
 * Format, which the other apps follow: {@code otpauth://totp/Issuer:account?secret=...&issuer=...}.
 * The issuer appears both in the label and as a parameter because older apps read only one of
 * them. The URI contains the secret: show it only to the user enrolling, never log it.
 */
public final class OtpAuthUri {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OtpAuthUri() {}

    /**
     * The URI for a TOTP account with our parameters (SHA1, 6 digits, 30 s). Issuer and account are
     * percent-encoded as UTF-8, a space as {@code %20} (apps show a {@code +} literally).
     *
     * @throws IllegalArgumentException when issuer or account is blank or contains a colon (the Key
     *         Uri Format reserves it to separate the two in the label), or the secret is empty
     */
    public static String of(String issuer, String account, byte[] secret) {
        checkLabelPart(issuer, "issuer");
        checkLabelPart(account, "account");
        Objects.requireNonNull(secret, "secret cannot be null");
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret cannot be empty");
        }
        String encodedIssuer = percentEncode(issuer);
        return "otpauth://totp/" + encodedIssuer + ":" + percentEncode(account)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encodedIssuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }

    private static void checkLabelPart(String value, String name) {
        Objects.requireNonNull(value, name + " cannot be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " cannot be blank");
        }
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " cannot contain ':' (the otpauth label separator): " + value);
        }
    }

    /**
     * RFC 3986 percent-encoding of UTF-8 bytes, keeping only the unreserved characters and
     * {@code @} (allowed in both path and query, and what makes {@code alice@example.org} readable).
     */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 3);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0f]);
            }
        }
        return out.toString();
    }
}
