package org.opensspr.passwordpolicy;

import static org.opensspr.passwordpolicy.BreachedCorpusFormat.HEADER_BYTES;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MAGIC;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MAX_HASH_BYTES;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MAX_INDEX_BITS;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MIN_HASH_BYTES;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.VERSION;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A memory-mapped, sorted binary file of SHA-1 hashes of breached passwords (the Pwned Passwords
 * corpus, or the small list shipped with OpenSSPR). The file is mapped read-only; the heap holds
 * only the buffer objects, never the hashes, so a corpus of a billion hashes costs a few hundred
 * bytes of heap and the operating system's page cache does the rest.
 *
 * <h2>File format, version 1 (all integers big-endian)</h2>
 * <pre>
 * offset  size               field
 * 0       8                  magic, ASCII "SSPRBRCH"
 * 8       4                  version = 1
 * 12      4                  hashBytes h: bytes stored per hash, 8..20 (the leading bytes of the SHA-1)
 * 16      4                  indexBits b: 0..20, the index has 2^b buckets by the top b bits of the hash
 * 20      4                  reserved, 0
 * 24      8                  count n: number of records
 * 32      8                  recordsOffset = 64 + (2^b + 1) * 8
 * 40      24                 reserved, 0
 * 64      (2^b + 1) * 8      index: entry i is the number of the first record whose top b bits are &gt;= i;
 *                            entry 2^b is n
 * recordsOffset  n * h       records: hash prefixes, sorted ascending as unsigned bytes, no duplicates
 * </pre>
 * The file is exactly {@code recordsOffset + n * h} bytes long; {@link #open} refuses anything else.
 * A lookup reads two index entries and binary-searches one bucket (about 64 to 1000 records), so
 * it touches two or three pages.
 *
 * <h2>Truncated hashes and false positives</h2>
 * {@link BreachedCorpusWriter} stores 8 bytes per hash by default, which halves the file against
 * the full 20 bytes (7.2 GB instead of 18 GB for 900 million hashes). A password that is not in
 * the corpus matches by chance with probability about n / 2^(8h): for n = 10^9 and h = 8 that is
 * 10^9 / 2^64, about 5.4e-11 per lookup, one wrongly refused password in some twenty billion.
 * There are no false negatives.
 *
 * <h2>Large files and threads</h2>
 * Files over 2 GiB are mapped in chunks of 1 GiB, each overlapping the next by 64 bytes so that a
 * record never straddles two buffers. Lookups use only absolute reads of the read-only buffers and
 * a per-thread {@link MessageDigest}, so any number of threads may call {@link #contains} at once.
 * {@link #close} marks the corpus closed (later lookups throw {@link IllegalStateException}); Java
 * 17 cannot unmap a buffer, so the mapping goes away when this object is garbage-collected. On
 * Windows a mapped file cannot be replaced, so import a new corpus to a new name there.
 */
public final class BreachedCorpus implements BreachedPasswords, AutoCloseable {

    /** The classpath resource of the shipped corpus (see docs/breached-passwords.md). */
    static final String SHIPPED_RESOURCE = "/org/opensspr/passwordpolicy/breached-shipped.bin";

    private static final int DEFAULT_CHUNK_BITS = 30;
    private static final int CHUNK_OVERLAP = 64;
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(BreachedCorpus::newSha1);

    private final Path path;
    private final MappedByteBuffer[] chunks;
    private final int chunkBits;
    private final long chunkMask;
    private final int hashBytes;
    private final int indexBits;
    private final long count;
    private final long recordsOffset;
    private volatile boolean closed;

    private BreachedCorpus(Path path, MappedByteBuffer[] chunks, int chunkBits) {
        this.path = path;
        this.chunks = chunks;
        this.chunkBits = chunkBits;
        this.chunkMask = (1L << chunkBits) - 1;
        this.hashBytes = readInt(12);
        this.indexBits = readInt(16);
        this.count = readLong(24);
        this.recordsOffset = readLong(32);
    }

    /**
     * Maps the corpus file at {@code path}.
     *
     * @throws IOException if the file cannot be read, or is not a corpus of this version
     *         (wrong magic, inconsistent header, index or length); the message names the problem
     */
    public static BreachedCorpus open(Path path) throws IOException {
        return open(path, DEFAULT_CHUNK_BITS);
    }

    /** Maps with chunks of 2^chunkBits bytes; tests use small chunks to cross chunk borders. */
    static BreachedCorpus open(Path path, int chunkBits) throws IOException {
        Objects.requireNonNull(path, "path cannot be null");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < HEADER_BYTES) {
                throw new IOException(path + " is not a breached-password corpus: only " + size + " bytes");
            }
            long chunkSize = 1L << chunkBits;
            int chunkCount = (int) ((size + chunkSize - 1) >>> chunkBits);
            MappedByteBuffer[] chunks = new MappedByteBuffer[chunkCount];
            for (int i = 0; i < chunkCount; i++) {
                long start = (long) i << chunkBits;
                long length = Math.min(size - start, chunkSize + CHUNK_OVERLAP);
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
            }
            BreachedCorpus corpus = new BreachedCorpus(path, chunks, chunkBits);
            corpus.validate(size);
            return corpus;
        }
    }

    /**
     * The corpus shipped in this jar: the 3,500 most common passwords of 8 or more characters of
     * zxcvbn's frequency lists (MIT; docs/breached-passwords.md). It is copied to a temporary file to be mapped; the file is deleted at once
     * where the operating system allows, otherwise when the JVM exits.
     */
    public static BreachedCorpus openShipped() {
        try (InputStream in = BreachedCorpus.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped corpus " + SHIPPED_RESOURCE + " is missing from the jar");
            }
            Path temp = Files.createTempFile("sspr-breached-", ".bin");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            BreachedCorpus corpus = open(temp);
            try {
                Files.delete(temp);
            } catch (IOException stillMapped) {
                temp.toFile().deleteOnExit();
            }
            return corpus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the shipped breached-password corpus: " + e.getMessage(), e);
        }
    }

    /** Whether the SHA-1 of the UTF-8 bytes of {@code password} is in the corpus. */
    @Override
    public boolean contains(String password) {
        Objects.requireNonNull(password, "password cannot be null");
        MessageDigest sha1 = SHA1.get();
        return containsSha1(sha1.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code sha1} (20 bytes, or at least {@link #hashBytes()}) is in the corpus; only
     * its first {@link #hashBytes()} bytes are compared.
     */
    public boolean containsSha1(byte[] sha1) {
        Objects.requireNonNull(sha1, "sha1 cannot be null");
        if (sha1.length < hashBytes) {
            throw new IllegalArgumentException("sha1 must have at least " + hashBytes + " bytes, has " + sha1.length);
        }
        if (closed) {
            throw new IllegalStateException("the breached-password corpus " + path + " is closed");
        }
        long first = firstLong(sha1);
        int bucket = BreachedCorpusFormat.bucket(first, indexBits);
        long low = readLong(HEADER_BYTES + (long) bucket * Long.BYTES);
        long high = readLong(HEADER_BYTES + (long) (bucket + 1) * Long.BYTES) - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            int order = compareRecord(middle, first, sha1);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The number of hashes in the corpus. */
    public long count() {
        return count;
    }

    /** The bytes stored per hash (8 to 20); see the class comment for the false-positive rate. */
    public int hashBytes() {
        return hashBytes;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "BreachedCorpus[" + path + ", " + count + " hashes of " + hashBytes + " bytes]";
    }

    private int compareRecord(long record, long keyFirst, byte[] key) {
        long position = recordsOffset + record * hashBytes;
        int order = Long.compareUnsigned(readLong(position), keyFirst);
        for (int i = Long.BYTES; order == 0 && i < hashBytes; i++) {
            order = Integer.compare(readByte(position + i) & 0xff, key[i] & 0xff);
        }
        return order;
    }

    private void validate(long size) throws IOException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (readByte(i) != MAGIC[i]) {
                throw new IOException(path + " is not a breached-password corpus (wrong magic)");
            }
        }
        int version = readInt(8);
        if (version != VERSION) {
            throw new IOException(
                    path + " is a corpus of version " + version + "; this build reads version " + VERSION);
        }
        if (hashBytes < MIN_HASH_BYTES
                || hashBytes > MAX_HASH_BYTES
                || indexBits < 0
                || indexBits > MAX_INDEX_BITS
                || count < 0
                || recordsOffset != HEADER_BYTES + BreachedCorpusFormat.indexBytes(indexBits)) {
            throw new IOException(path + " has an inconsistent header");
        }
        if (count > (size - recordsOffset) / hashBytes || size != recordsOffset + count * hashBytes) {
            throw new IOException(path + " is " + size + " bytes long, its header says "
                    + (recordsOffset + count * hashBytes) + ": truncated or damaged");
        }
        long previous = 0;
        for (long i = 0; i <= 1L << indexBits; i++) {
            long entry = readLong(HEADER_BYTES + i * Long.BYTES);
            if (entry < previous || entry > count || (i == 0 && entry != 0)) {
                throw new IOException(path + " has a damaged index at bucket " + i);
            }
            previous = entry;
        }
        if (previous != count) {
            throw new IOException(path + " has a damaged index: the last entry is not the count");
        }
    }

    private byte readByte(long position) {
        return chunks[(int) (position >>> chunkBits)].get((int) (position & chunkMask));
    }

    private int readInt(long position) {
        return chunks[(int) (position >>> chunkBits)].getInt((int) (position & chunkMask));
    }

    private long readLong(long position) {
        return chunks[(int) (position >>> chunkBits)].getLong((int) (position & chunkMask));
    }

    static long firstLong(byte[] hash) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
