package org.opensspr.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * How the embedded directory's journal is framed on disk. The journal is a sequence of units, one
 * per group commit (the changes of every write that shared one fsync), each
 *
 * <pre>
 * #unit &lt;payload length in bytes&gt; &lt;CRC-32C of the payload, 8 hex digits&gt;\n
 * &lt;payload: LDIF change records, UTF-8&gt;
 * #end\n
 * </pre>
 *
 * A unit is written whole and forced to disk before any write in it is acknowledged, and the next
 * unit is written only after that, so a crash can damage only the last unit: a unit that is cut
 * short, lacks its end marker or fails its checksum <em>and is followed by no valid unit</em> is a
 * torn tail, never acknowledged, and is dropped. A damaged unit followed by a valid one means the
 * file was damaged after it was written: {@link #read} refuses it rather than lose acknowledged
 * writes.
 */
final class JournalFrames {

    private static final Pattern HEADER = Pattern.compile("#unit (\\d{1,10}) ([0-9a-f]{8})");
    private static final byte[] UNIT = "#unit ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "#end\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 32;

    private JournalFrames() {}

    /** The units of a journal file, oldest first, and how many bytes of torn tail were dropped. */
    record Read(List<byte[]> units, long droppedBytes) {}

    /** A whole unit around {@code payload}. */
    static byte[] frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        byte[] header = String.format(Locale.ROOT, "#unit %d %08x\n", payload.length, crc.getValue())
                .getBytes(StandardCharsets.US_ASCII);
        byte[] unit = new byte[header.length + payload.length + END.length];
        System.arraycopy(header, 0, unit, 0, header.length);
        System.arraycopy(payload, 0, unit, header.length, payload.length);
        System.arraycopy(END, 0, unit, header.length + payload.length, END.length);
        return unit;
    }

    /**
     * Reads every unit of {@code file}. A torn tail is dropped (see the class comment); with
     * {@code tornTailAllowed} false, as for a rotated journal that was complete before newer ones
     * were written, it is damage too.
     *
     * @throws IllegalStateException when the file is damaged before its last valid unit, naming the
     *     file and the offset; nothing of the file is returned then
     */
    static Read read(Path file, boolean tornTailAllowed) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<byte[]> units = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            Unit unit = parse(data, at);
            if (unit.problem() != null) {
                int next = nextValidUnit(data, at + 1);
                if (next >= 0 || !tornTailAllowed) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "the embedded directory's journal %s is damaged at byte %d of %d (%s)%s: refusing to start"
                                    + " rather than lose acknowledged writes; restore the directory folder from a"
                                    + " backup",
                            file,
                            at,
                            data.length,
                            unit.problem(),
                            next >= 0 ? " and a valid unit follows at byte " + next : " before newer journals"));
                }
                return new Read(units, data.length - at);
            }
            byte[] payload = new byte[unit.length()];
            System.arraycopy(data, unit.payloadStart(), payload, 0, unit.length());
            units.add(payload);
            at = unit.end();
        }
        return new Read(units, 0);
    }

    private record Unit(int payloadStart, int length, int end, String problem) {

        static Unit damaged(String problem) {
            return new Unit(0, 0, 0, problem);
        }
    }

    private static Unit parse(byte[] data, int at) {
        int newline = -1;
        for (int i = at; i < data.length && i < at + MAX_HEADER; i++) {
            if (data[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return Unit.damaged("no complete unit header");
        }
        Matcher header = HEADER.matcher(new String(data, at, newline - at, StandardCharsets.US_ASCII));
        if (!header.matches()) {
            return Unit.damaged("not a unit header");
        }
        long length = Long.parseLong(header.group(1));
        int payloadStart = newline + 1;
        if (length > data.length - payloadStart - (long) END.length) {
            return Unit.damaged("the unit is cut short");
        }
        int payloadEnd = payloadStart + (int) length;
        for (int i = 0; i < END.length; i++) {
            if (data[payloadEnd + i] != END[i]) {
                return Unit.damaged("no end marker");
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(data, payloadStart, (int) length);
        if (crc.getValue() != Long.parseLong(header.group(2), 16)) {
            return Unit.damaged("checksum mismatch");
        }
        return new Unit(payloadStart, (int) length, payloadEnd + END.length, null);
    }

    /** The offset of the first valid unit that starts a line at or after {@code from}, or -1. */
    private static int nextValidUnit(byte[] data, int from) {
        for (int i = from; i <= data.length - UNIT.length; i++) {
            if ((i == 0 || data[i - 1] == '\n')
                    && startsWith(data, i, UNIT)
                    && parse(data, i).problem() == null) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
