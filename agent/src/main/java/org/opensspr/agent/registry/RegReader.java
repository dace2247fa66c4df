package org.opensspr.agent.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the registry exports that {@code regedit} and {@code reg export} write: UTF-16LE with a
 * byte-order mark ({@code Windows Registry Editor Version 5.00}), UTF-8 with or without one, and
 * ANSI {@code REGEDIT4} files. It understands {@code dword:}, {@code qword:}, strings with
 * {@code \\} and {@code \"} escapes, {@code hex:} and {@code hex(N):} values continued over lines
 * with a trailing backslash, {@code @} default values, {@code ;} comments, deleted keys
 * ({@code [-KEY]}, which removes the key and its subkeys) and deleted values ({@code "Name"=-}).
 * A later value of the same path replaces an earlier one, as an import would.
 * <p>
 * Hostile input: a line it cannot read becomes a warning with its line number and reading goes
 * on; no input makes it throw (only I/O errors do). Time is linear in the input (one pass, no
 * backtracking), files over {@link #MAX_FILE_BYTES} are refused and logical lines over
 * {@link #MAX_LINE_CHARS} are skipped. Warnings name the line, never its content.
 */
public final class RegReader {

    /** Larger files are not read (a full {@code HKLM\SOFTWARE} export is smaller). */
    public static final int MAX_FILE_BYTES = 64 << 20;
    /** Longer logical lines (after joining continuations) are skipped with a warning. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Warnings kept; the rest are counted. */
    public static final int MAX_WARNINGS = 100;

    private static final String HEADER_5 = "Windows Registry Editor Version 5.00";
    private static final String HEADER_4 = "REGEDIT4";
    private static final String[][] HIVES = {
        {"HKEY_LOCAL_MACHINE", "HKLM"},
        {"HKEY_CURRENT_USER", "HKCU"},
        {"HKEY_CLASSES_ROOT", "HKCR"},
        {"HKEY_USERS", "HKU"},
        {"HKEY_CURRENT_CONFIG", "HKCC"}
    };

    /** Reads {@code file}; a file over {@link #MAX_FILE_BYTES} gives an empty result with a warning. */
    public RegFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            return parse(bytes);
        }
    }

    /** Parses an export held in memory; never throws. */
    public RegFile parse(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return new RegFile(
                    false, Map.of(), List.of("the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; not read"));
        }
        return new RegParser(decode(bytes)).parse();
    }

    /** Text of an export: a UTF-16 or UTF-8 byte-order mark decides, then UTF-16LE without one, then UTF-8 (ANSI for REGEDIT4). */
    static String decode(byte[] b) {
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
            return new String(b, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(b, ansi());
        }
    }

    /** {@code path} with a long hive name ({@code HKEY_LOCAL_MACHINE}) shortened ({@code HKLM}), blanks stripped. */
    static String shortHive(String path) {
        String p = path.strip();
        for (String[] hive : HIVES) {
            if (p.regionMatches(true, 0, hive[0], 0, hive[0].length())
                    && (p.length() == hive[0].length() || p.charAt(hive[0].length()) == '\\')) {
                return hive[1] + p.substring(hive[0].length());
            }
        }
        return p;
    }

    static boolean knownHive(String path) {
        int end = path.indexOf('\\');
        String hive = (end < 0 ? path : path.substring(0, end)).toUpperCase(Locale.ROOT);
        for (String[] h : HIVES) {
            if (h[1].equals(hive)) {
                return true;
            }
        }
        return false;
    }

    static Charset ansi() {
        return Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;
    }

    /** One pass over the text of one export. */
    private static final class RegParser {
        private final String text;
        private final TreeMap<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Warnings warnings = new Warnings();
        private boolean regedit4;
        private String key;
        private boolean ignoringKey;

        RegParser(String text) {
            this.text = text;
        }

        RegFile parse() {
            boolean header = false;
            boolean seenContent = false;
            StringBuilder logical = new StringBuilder();
            boolean continuing = false;
            boolean tooLong = false;
            int logicalStart = 0;
            int lineNo = 0;
            int pos = 0;
            int n = text.length();
            while (pos < n) {
                int end = pos;
                while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                String line = text.substring(pos, end);
                pos = end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n'
                        ? end + 2
                        : end + 1;
                lineNo++;
                if (!continuing) {
                    String stripped = line.strip();
                    if (stripped.isEmpty() || stripped.startsWith(";")) {
                        continue;
                    }
                    if (!seenContent) {
                        seenContent = true;
                        if (stripped.equalsIgnoreCase(HEADER_5) || stripped.equalsIgnoreCase(HEADER_4)) {
                            header = true;
                            regedit4 = stripped.equalsIgnoreCase(HEADER_4);
                            continue;
                        }
                        warnings.add("line " + lineNo + ": the file does not start with '" + HEADER_5 + "' or '"
                                + HEADER_4 + "'");
                    }
                    logicalStart = lineNo;
                    tooLong = false;
                    logical.setLength(0);
                }
                String piece = continuing ? line.stripLeading() : line;
                int last = piece.length() - 1;
                while (last >= 0 && Character.isWhitespace(piece.charAt(last))) {
                    last--;
                }
                boolean keyLine = !continuing && piece.stripLeading().startsWith("[");
                boolean continues = !keyLine && last >= 0 && piece.charAt(last) == '\\';
                String part = continues ? piece.substring(0, last) : piece;
                if (!tooLong && logical.length() + part.length() > MAX_LINE_CHARS) {
                    tooLong = true;
                    logical.setLength(0);
                }
                if (!tooLong) {
                    logical.append(part);
                }
                continuing = continues;
                if (!continuing) {
                    finish(logical, tooLong, logicalStart);
                }
            }
            if (continuing) {
                finish(logical, tooLong, logicalStart);
            }
            return new RegFile(header, values, warnings.list());
        }

        private void finish(StringBuilder logical, boolean tooLong, int lineNo) {
            if (tooLong) {
                warnings.add("line " + lineNo + ": longer than " + MAX_LINE_CHARS + " characters; skipped");
            } else {
                line(logical.toString().strip(), lineNo);
            }
        }

        private void line(String s, int lineNo) {
            if (s.startsWith("[")) {
                keyLine(s, lineNo);
            } else if (s.startsWith("@") || s.startsWith("\"")) {
                valueLine(s, lineNo);
            } else {
                warnings.add("line " + lineNo + ": neither a key, a value nor a comment");
            }
        }

        private void keyLine(String s, int lineNo) {
            int close = s.lastIndexOf(']');
            key = null;
            ignoringKey = true;
            if (close < 0 || !s.substring(close + 1).isBlank()) {
                warnings.add("line " + lineNo + ": a key line must end with ']'");
                return;
            }
            String content = s.substring(1, close).strip();
            boolean delete = content.startsWith("-");
            String path = shortHive(delete ? content.substring(1) : content);
            while (path.endsWith("\\")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.isEmpty() || !knownHive(path)) {
                warnings.add("line " + lineNo + ": the key does not start with a known hive (HKEY_LOCAL_MACHINE, ...)");
                return;
            }
            if (delete) {
                String prefix = path + "\\";
                values.subMap(prefix, true, path + "]", false).clear();
                return;
            }
            key = path;
            ignoringKey = false;
        }

        private void valueLine(String s, int lineNo) {
            String name;
            int i;
            if (s.startsWith("@")) {
                name = RegFile.DEFAULT_VALUE_NAME;
                i = 1;
            } else {
                StringBuilder quoted = new StringBuilder();
                i = RegData.quoted(s, 0, quoted);
                if (i < 0) {
                    warnings.add("line " + lineNo + ": the value name has no closing quote");
                    return;
                }
                name = quoted.toString();
            }
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '=') {
                warnings.add("line " + lineNo + ": '=' expected after the value name");
                return;
            }
            String data = s.substring(i + 1).strip();
            if (key == null) {
                if (!ignoringKey) {
                    warnings.add("line " + lineNo + ": a value before any key");
                }
                return;
            }
            String path = key + "\\" + name;
            if (data.equals("-")) {
                values.remove(path);
                return;
            }
            Object value = new RegData(warnings::add, lineNo, regedit4).parse(data);
            if (value != null) {
                values.put(path, value);
            }
        }
    }

    /** The first {@link #MAX_WARNINGS} warnings and a count of the rest. */
    private static final class Warnings {
        private final List<String> list = new ArrayList<>();
        private int more;

        void add(String warning) {
            if (list.size() < MAX_WARNINGS) {
                list.add(warning);
            } else {
                more++;
            }
        }

        List<String> list() {
            if (more == 0) {
                return list;
            }
            List<String> all = new ArrayList<>(list);
            all.add("... and " + more + " more warnings");
            return all;
        }
    }
}
