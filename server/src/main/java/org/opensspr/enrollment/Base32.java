package org.opensspr.enrollment;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * RFC 4648 Base32, the alphabet authenticator apps use for TOTP secrets: the {@code secret}
 * parameter of an otpauth URI and the key a user types when they cannot scan the QR code.
 * Encodes upper case without padding, as the Key Uri Format asks; decodes leniently (any case,
 * spaces and {@code =} ignored) because people copy keys with spaces and in lower case.
 */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    /** {@code "foobar"} bytes -> {@code MZXW6YTBOI}: upper case, no {@code =} padding. */
    static String encode(byte[] data) {
        Objects.requireNonNull(data, "data cannot be null");
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return out.toString();
    }

    /**
     * Decodes Base32 in any case, ignoring spaces and {@code =} padding.
     *
     * @throws IllegalArgumentException on a character outside the alphabet (the message names it
     *         and its position) or a length no encoder produces (1, 3 or 6 characters past a
     *         multiple of 8: the input was cut short)
     */
    static byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text cannot be null");
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        int symbols = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '=') {
                continue;
            }
            int value = valueOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("invalid Base32 character '" + c + "' at index " + i
                        + ": use the letters A-Z and the digits 2-7");
            }
            symbols++;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        int remainder = symbols % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("invalid Base32 length: " + symbols
                    + " characters cannot come from whole bytes; the value looks cut short");
        }
        return out.toByteArray();
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
