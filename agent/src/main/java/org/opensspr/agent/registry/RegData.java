package org.opensspr.agent.registry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The data of one registry value as an export writes it after {@code =}: a quoted string,
 * {@code dword:}, {@code qword:}, {@code hex:} or {@code hex(N):} (REG_SZ and REG_EXPAND_SZ become a
 * String, REG_MULTI_SZ a list of Strings, REG_DWORD in either byte order and REG_QWORD a Long,
 * everything else a byte array). What it cannot read is reported to the warning sink with the line
 * number and yields null.
 */
final class RegData {

    private final Consumer<String> warnings;
    private final int lineNo;
    private final boolean regedit4;

    RegData(Consumer<String> warnings, int lineNo, boolean regedit4) {
        this.warnings = warnings;
        this.lineNo = lineNo;
        this.regedit4 = regedit4;
    }

    /** The value that {@code d} (everything after {@code =}) describes, or null after a warning. */
    Object parse(String d) {
        if (d.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            int end = quoted(d, 0, out);
            if (end < 0 || !d.substring(end).isBlank()) {
                warn("the string value is not closed by a quote at the end of the line");
                return null;
            }
            return out.toString();
        }
        String lower = d.length() > 16 ? d.substring(0, 16).toLowerCase(Locale.ROOT) : d.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dword:")) {
            return number(d.substring(6), 8);
        }
        if (lower.startsWith("qword:")) {
            return number(d.substring(6), 16);
        }
        if (lower.startsWith("hex:")) {
            return bytes(d.substring(4));
        }
        if (lower.startsWith("hex(")) {
            int close = d.indexOf(')');
            if (close < 5
                    || close > 12
                    || close + 1 >= d.length()
                    || d.charAt(close + 1) != ':'
                    || !isHex(d.substring(4, close), 8)) {
                warn("hex(N): expected");
                return null;
            }
            byte[] bytes = bytes(d.substring(close + 2));
            return bytes == null ? null : typed(Integer.parseUnsignedInt(d.substring(4, close), 16), bytes);
        }
        warn("unknown value type (expected a string, dword:, qword:, hex: or hex(N):)");
        return null;
    }

    private Long number(String digits, int maxDigits) {
        String hex = digits.strip();
        if (!isHex(hex, maxDigits)) {
            warn("expected 1 to " + maxDigits + " hexadecimal digits");
            return null;
        }
        return Long.parseUnsignedLong(hex, 16);
    }

    private static boolean isHex(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private byte[] bytes(String list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(list.length() / 3 + 1);
        int i = 0;
        int n = list.length();
        while (i < n) {
            int comma = list.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            String token = list.substring(i, end).strip();
            boolean lastToken = comma < 0;
            if (token.isEmpty() && lastToken) {
                break;
            }
            if (!isHex(token, 2)) {
                warn("hex data must be two-digit hexadecimal bytes separated by commas");
                return null;
            }
            out.write(Integer.parseInt(token, 16));
            i = end + 1;
        }
        return out.toByteArray();
    }

    private Object typed(int type, byte[] b) {
        switch (type) {
            case 1, 2 -> {
                String s = string(b);
                int nul = s.indexOf('\0');
                return nul < 0 ? s : s.substring(0, nul);
            }
            case 7 -> {
                List<String> parts = new ArrayList<>();
                for (String part : string(b).split("\0")) {
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                }
                return List.copyOf(parts);
            }
            case 4, 5 -> {
                if (b.length != 4) {
                    warn("a hex(" + type + ") DWORD needs 4 bytes");
                    return null;
                }
                ByteBuffer buffer =
                        ByteBuffer.wrap(b).order(type == 4 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                return Integer.toUnsignedLong(buffer.getInt());
            }
            case 0xb -> {
                if (b.length != 8) {
                    warn("a hex(b) QWORD needs 8 bytes");
                    return null;
                }
                return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
            }
            default -> {
                return b;
            }
        }
    }

    /** Strings inside hex data: UTF-16LE in version 5 exports, ANSI in REGEDIT4 ones. */
    private String string(byte[] b) {
        if (regedit4) {
            return new String(b, RegReader.ansi());
        }
        return StandardCharsets.UTF_16LE
                .decode(ByteBuffer.wrap(b, 0, b.length & ~1))
                .toString();
    }

    /** Reads a quoted string at {@code start}; returns the index after its closing quote, or -1. */
    static int quoted(String s, int start, StringBuilder out) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return -1;
    }

    private void warn(String message) {
        warnings.accept("line " + lineNo + ": " + message);
    }
}
