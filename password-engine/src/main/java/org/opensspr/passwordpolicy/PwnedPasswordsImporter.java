package org.opensspr.passwordpolicy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds a {@link BreachedCorpus} file from the public Pwned Passwords text format, streaming, in
 * one pass and with constant memory (the writer's index and two 1 MiB buffers):
 * <ul>
 * <li>one file of lines {@code SHA1HEX:COUNT} (40 hex digits, a colon, a decimal count), sorted by
 *     hash, as in the "ordered by hash" download;</li>
 * <li>or a folder of k-anonymity range files named by their 5-hex prefix ({@code 0A1B2} or
 *     {@code 0A1B2.txt}; other files are ignored) holding lines {@code SUFFIX35HEX:COUNT}, as
 *     written by the official downloader.</li>
 * </ul>
 * Lines may end in LF or CRLF; hex digits may be upper or lower case; the {@code :COUNT} part may
 * be left out; blank lines are skipped; a hash repeated on the next line is stored once. The count
 * itself is not kept.
 *
 * <p>Unsorted input is refused, not sorted: the public downloads are already sorted, and an
 * external merge sort of 35 GB would need as much free disk again. The error names the line
 * and suggests {@code LC_ALL=C sort}. Any other malformed line is refused with its file and line
 * number ({@link MalformedCorpusException}); the target is then left untouched.
 */
public final class PwnedPasswordsImporter {

    /** Told how far the import is, after every read of up to 1 MiB; the CLI draws its progress bar from it. */
    @FunctionalInterface
    public interface Progress {

        /** {@code bytesRead} of {@code totalBytes} bytes of text have been read. */
        void update(long bytesRead, long totalBytes);
    }

    private static final Pattern RANGE_FILE = Pattern.compile("[0-9A-Fa-f]{5}(\\.txt)?");
    private static final int BUFFER_BYTES = 1 << 20;
    private static final int MAX_LINE = 256;
    private static final int AVERAGE_LINE_BYTES = 40;
    private static final byte[] HEX = hexTable();

    private final Progress progress;
    private final byte[] hash = new byte[20];
    private final byte[] previous = new byte[20];
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private BreachedCorpusWriter writer;
    private boolean first = true;
    private long bytesRead;
    private long totalBytes;

    private PwnedPasswordsImporter(Progress progress) {
        this.progress = progress;
    }

    /**
     * Imports {@code source} (a file or a folder of range files) into the corpus file {@code target}
     * with 8-byte hash prefixes.
     *
     * @param progress told the bytes read so far; may be null
     * @return the number of distinct hashes written
     * @throws MalformedCorpusException if the input is not in the format above
     * @throws java.nio.file.NoSuchFileException if {@code source} does not exist
     */
    public static long importCorpus(Path source, Path target, Progress progress) throws IOException {
        return importCorpus(source, target, BreachedCorpusFormat.DEFAULT_HASH_BYTES, progress);
    }

    /** As {@link #importCorpus(Path, Path, Progress)}, storing {@code hashBytes} (8 to 20) bytes per hash. */
    public static long importCorpus(Path source, Path target, int hashBytes, Progress progress) throws IOException {
        Objects.requireNonNull(source, "source cannot be null");
        Objects.requireNonNull(target, "target cannot be null");
        PwnedPasswordsImporter importer = new PwnedPasswordsImporter(progress == null ? (done, total) -> {} : progress);
        List<RangeFile> files = Files.isDirectory(source) ? rangeFiles(source) : List.of(new RangeFile(source, -1));
        for (RangeFile file : files) {
            importer.totalBytes += Files.size(file.path());
        }
        try (BreachedCorpusWriter writer =
                BreachedCorpusWriter.create(target, importer.totalBytes / AVERAGE_LINE_BYTES, hashBytes)) {
            importer.writer = writer;
            importer.progress.update(0, importer.totalBytes);
            for (RangeFile file : files) {
                importer.read(file);
            }
            long count = writer.commit();
            importer.progress.update(importer.totalBytes, importer.totalBytes);
            return count;
        }
    }

    private static List<RangeFile> rangeFiles(Path folder) throws IOException {
        List<RangeFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (RANGE_FILE.matcher(name).matches() && Files.isRegularFile(entry)) {
                    files.add(new RangeFile(entry, Integer.parseInt(name.substring(0, 5), 16)));
                }
            }
        }
        if (files.isEmpty()) {
            throw new MalformedCorpusException(
                    folder,
                    0,
                    "no range files in this folder (files named by a 5-hex prefix, like 0A1B2 or 0A1B2.txt)");
        }
        files.sort(Comparator.comparingInt(RangeFile::prefix));
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i).prefix() == files.get(i - 1).prefix()) {
                throw new MalformedCorpusException(
                        files.get(i).path(),
                        0,
                        "two range files for the same prefix: "
                                + files.get(i - 1).path().getFileName());
            }
        }
        return files;
    }

    private void read(RangeFile file) throws IOException {
        if (file.prefix() >= 0) {
            hash[0] = (byte) (file.prefix() >>> 12);
            hash[1] = (byte) (file.prefix() >>> 4);
            hash[2] = (byte) ((file.prefix() & 0xf) << 4);
        }
        int skipNibbles = file.prefix() >= 0 ? 5 : 0;
        long line = 0;
        int filled = 0;
        try (InputStream in = Files.newInputStream(file.path())) {
            while (true) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n > 0) {
                    bytesRead += n;
                    filled += n;
                    progress.update(bytesRead, totalBytes);
                }
                boolean end = n < 0;
                int start = 0;
                for (int i = 0; i < filled; i++) {
                    if (buffer[i] == '\n') {
                        parse(file.path(), ++line, start, i, skipNibbles);
                        start = i + 1;
                    }
                }
                if (end) {
                    if (start < filled) {
                        parse(file.path(), ++line, start, filled, skipNibbles);
                    }
                    return;
                }
                if (filled - start > MAX_LINE) {
                    throw new MalformedCorpusException(
                            file.path(), line + 1, "line longer than " + MAX_LINE + " bytes");
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
            }
        }
    }

    /** Parses the line in buffer[start, end) (without its LF) into hash and hands it to the writer. */
    private void parse(Path file, long line, int start, int end, int skipNibbles) throws IOException {
        if (end > start && buffer[end - 1] == '\r') {
            end--;
        }
        if (end == start) {
            return;
        }
        int digits = 40 - skipNibbles;
        if ((skipNibbles & 1) == 1) {
            hash[skipNibbles >> 1] &= (byte) 0xf0;
        }
        int position = start;
        for (int nibble = skipNibbles; nibble < 40; nibble++, position++) {
            int value = position < end ? hexValue(buffer[position]) : -1;
            if (value < 0) {
                throw malformed(file, line, start, end, digits);
            }
            if ((nibble & 1) == 0) {
                hash[nibble >> 1] = (byte) (value << 4);
            } else {
                hash[nibble >> 1] |= (byte) value;
            }
        }
        if (position < end) {
            if (buffer[position] != ':' || end - position < 2 || end - position > 20) {
                throw malformed(file, line, start, end, digits);
            }
            for (int i = position + 1; i < end; i++) {
                if (buffer[i] < '0' || buffer[i] > '9') {
                    throw malformed(file, line, start, end, digits);
                }
            }
        }
        if (!first) {
            int order = Arrays.compareUnsigned(hash, previous);
            if (order < 0) {
                throw new MalformedCorpusException(
                        file,
                        line,
                        "hashes are not sorted: this one sorts before the line above."
                                + " Use the download ordered by hash, or sort it first: LC_ALL=C sort -o sorted.txt "
                                + file.getFileName());
            }
            if (order == 0) {
                return;
            }
        }
        first = false;
        System.arraycopy(hash, 0, previous, 0, hash.length);
        writer.add(hash);
    }

    private MalformedCorpusException malformed(Path file, long line, int start, int end, int digits) {
        String text = new String(buffer, start, Math.min(end - start, 60), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", "?");
        return new MalformedCorpusException(
                file,
                line,
                "expected " + digits + " hex digits, optionally a colon and a count ("
                        + (digits == 40 ? "SHA1HEX:COUNT" : "SUFFIX:COUNT") + "), found \"" + text + "\"");
    }

    private static int hexValue(byte c) {
        return HEX[c & 0xff];
    }

    private static byte[] hexTable() {
        byte[] table = new byte[256];
        Arrays.fill(table, (byte) -1);
        for (int i = 0; i < 16; i++) {
            table["0123456789ABCDEF".charAt(i)] = (byte) i;
            table["0123456789abcdef".charAt(i)] = (byte) i;
        }
        return table;
    }

    private record RangeFile(Path path, int prefix) {}
}
