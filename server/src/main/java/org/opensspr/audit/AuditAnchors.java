package org.opensspr.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit chain's witness outside the database: a node's own append-only file
 * ({@code <data-dir>/audit/anchors}, owner-only) of lines {@code TIME POSITION CHAIN_MAC LINE_MAC},
 * each saying "the keyed chain reached POSITION with CHAIN_MAC at TIME", with {@code LINE_MAC} an
 * HMAC-SHA256 of the rest under the {@link AuditKey}. Someone who can write to the database but not
 * to this file cannot hide a cut tail by rewinding {@code audit_head} (or by re-creating the
 * tables): the newest anchor names a position the chain no longer reaches. Nobody without the key
 * can write a line that verifies. Every anchor is also logged at INFO ({@code Audit anchor: LINE}),
 * a second witness: log lines can be checked like file lines ({@code audit verify --anchors}),
 * since only the last four fields of a line count.
 *
 * <p>What it cannot see: events sealed after the newest anchor (at most about a minute's, see
 * {@link AuditSealer}) and a rewrite by someone who also holds the key or can edit this file.
 */
public final class AuditAnchors {

    /** The folder in the data dir that holds the file. */
    public static final String FOLDER = "audit";

    /** The file's name in {@link #FOLDER}. */
    public static final String FILE = "anchors";

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final AuditKey key;

    /** Anchors in {@code file} (created on the first anchor), keyed with {@code key}. */
    public AuditAnchors(Path file, AuditKey key) {
        this.file = Objects.requireNonNull(file, "file cannot be null").toAbsolutePath();
        this.key = Objects.requireNonNull(key, "key cannot be null");
    }

    public Path file() {
        return file;
    }

    /** One verified anchor: line {@code line} of the file says the chain reached {@code position} with {@code chainMac}. */
    record Anchor(int line, Instant time, long position, String chainMac) {}

    /**
     * What the file holds: whether it exists, its anchors whose MAC verifies, and the first line that
     * does not parse or verify (0 when every line does).
     */
    record Contents(boolean exists, List<Anchor> anchors, int firstBadLine) {}

    /**
     * Appends an anchor (opened for appending only, created owner-only) and forces it to disk, then
     * logs it at INFO. Throws when the file cannot be written: the caller logs and tries later.
     */
    void append(Instant time, long position, String chainMac) throws IOException {
        String line = time + " " + position + " " + chainMac + " " + lineMac(time.toString(), position, chainMac);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                ownerOnly)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        log.info("Audit anchor: {}", line);
    }

    /** Reads and checks every line; a missing file is {@code exists = false}, not an error. */
    Contents read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(false, List.of(), 0);
        }
        List<Anchor> anchors = new ArrayList<>();
        int firstBad = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Anchor anchor = parse(i + 1, lines.get(i));
            if (anchor != null) {
                anchors.add(anchor);
            } else if (firstBad == 0) {
                firstBad = i + 1;
            }
        }
        return new Contents(true, List.copyOf(anchors), firstBad);
    }

    /** The anchor in the last four fields of {@code text}, or null when they do not parse or verify. */
    private Anchor parse(int number, String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length < 4) {
            return null;
        }
        int at = fields.length - 4;
        String time = fields[at];
        String chainMac = fields[at + 2];
        String lineMac = fields[at + 3];
        try {
            long position = Long.parseLong(fields[at + 1]);
            if (position < 1
                    || !MAC.matcher(chainMac).matches()
                    || !lineMac.equals(lineMac(time, position, chainMac))) {
                return null;
            }
            return new Anchor(number, Instant.parse(time), position, chainMac);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    private String lineMac(String time, long position, String chainMac) {
        return key.mac(String.join("\u001f", "anchor-v1", time, Long.toString(position), chainMac));
    }
}
