package org.opensspr.passwordpolicy;

import static org.opensspr.passwordpolicy.BreachedCorpusFormat.HEADER_BYTES;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MAGIC;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MAX_HASH_BYTES;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.MIN_HASH_BYTES;
import static org.opensspr.passwordpolicy.BreachedCorpusFormat.VERSION;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link BreachedCorpus} file from hashes given in ascending order. The file is written
 * to a temporary file next to the target and moved into place atomically by {@link #commit()},
 * so a reader never sees half a corpus; {@link #close()} without a commit deletes the temporary
 * file. Memory: the fan-out index (at most 8 MiB) and a 1 MiB write buffer, whatever the count.
 * Not thread-safe.
 */
public final class BreachedCorpusWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final int hashBytes;
    private final int indexBits;
    private final long[] index;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final byte[] last;
    private long count;
    private int bucket;
    private boolean done;

    private BreachedCorpusWriter(Path target, long expectedCount, int hashBytes) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.hashBytes = hashBytes;
        this.indexBits = BreachedCorpusFormat.indexBitsFor(expectedCount);
        this.index = new long[(1 << indexBits) + 1];
        this.last = new byte[hashBytes];
        Path folder = this.target.getParent();
        Files.createDirectories(folder);
        this.temp = Files.createTempFile(folder, "." + this.target.getFileName(), ".tmp");
        this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        channel.position(HEADER_BYTES + BreachedCorpusFormat.indexBytes(indexBits));
    }

    /** A writer of 8-byte hash prefixes (see {@link BreachedCorpus} for the false-positive rate). */
    public static BreachedCorpusWriter create(Path target, long expectedCount) throws IOException {
        return create(target, expectedCount, BreachedCorpusFormat.DEFAULT_HASH_BYTES);
    }

    /**
     * A writer to {@code target} (its folder is created if missing).
     *
     * @param expectedCount about how many hashes will be added; it sizes the index (a wrong
     *        guess costs speed, never correctness)
     * @param hashBytes how many leading bytes of each SHA-1 to store, 8 to 20
     */
    public static BreachedCorpusWriter create(Path target, long expectedCount, int hashBytes) throws IOException {
        Objects.requireNonNull(target, "target cannot be null");
        if (hashBytes < MIN_HASH_BYTES || hashBytes > MAX_HASH_BYTES) {
            throw new IllegalArgumentException("hashBytes must be 8 to 20, is " + hashBytes);
        }
        if (expectedCount < 0) {
            throw new IllegalArgumentException("expectedCount cannot be negative");
        }
        return new BreachedCorpusWriter(target, expectedCount, hashBytes);
    }

    /**
     * Writes the SHA-1 hashes of the UTF-8 bytes of {@code passwords} (any order, duplicates
     * allowed) to {@code target}; for small lists such as the shipped corpus, as every hash is
     * held in memory while sorting.
     *
     * @return the number of distinct hashes written
     */
    public static long writePasswords(Collection<String> passwords, Path target) throws IOException {
        Objects.requireNonNull(passwords, "passwords cannot be null");
        MessageDigest sha1 = BreachedCorpus.newSha1();
        List<byte[]> hashes = new ArrayList<>(passwords.size());
        for (String password : passwords) {
            hashes.add(sha1.digest(password.getBytes(StandardCharsets.UTF_8)));
        }
        hashes.sort(Arrays::compareUnsigned);
        try (BreachedCorpusWriter writer = create(target, hashes.size())) {
            for (byte[] hash : hashes) {
                writer.add(hash);
            }
            return writer.commit();
        }
    }

    /**
     * Adds a hash; only its first {@code hashBytes} bytes are stored. A hash equal to the previous
     * one (after truncation) is skipped.
     *
     * @throws IllegalArgumentException if the hash is shorter than {@code hashBytes} or sorts
     *         before the previous one
     */
    public void add(byte[] hash) throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is already committed or closed");
        }
        if (hash.length < hashBytes) {
            throw new IllegalArgumentException("hash must have at least " + hashBytes + " bytes, has " + hash.length);
        }
        if (count > 0) {
            int order = Arrays.compareUnsigned(hash, 0, hashBytes, last, 0, hashBytes);
            if (order == 0) {
                return;
            }
            if (order < 0) {
                throw new IllegalArgumentException("hashes must be added in ascending order");
            }
        }
        int hashBucket = BreachedCorpusFormat.bucket(BreachedCorpus.firstLong(hash), indexBits);
        while (bucket < hashBucket) {
            index[++bucket] = count;
        }
        if (buffer.remaining() < hashBytes) {
            flush();
        }
        buffer.put(hash, 0, hashBytes);
        System.arraycopy(hash, 0, last, 0, hashBytes);
        count++;
    }

    /** The number of distinct hashes added so far. */
    public long count() {
        return count;
    }

    /**
     * Writes the header and index, forces the file to disk and moves it over {@code target}.
     *
     * @return the number of hashes in the corpus
     */
    public long commit() throws IOException {
        if (done) {
            throw new IllegalStateException("the writer is already committed or closed");
        }
        while (bucket < index.length - 1) {
            index[++bucket] = count;
        }
        flush();
        ByteBuffer head = ByteBuffer.allocate((int) (HEADER_BYTES + BreachedCorpusFormat.indexBytes(indexBits)));
        head.put(MAGIC)
                .putInt(VERSION)
                .putInt(hashBytes)
                .putInt(indexBits)
                .putInt(0)
                .putLong(count)
                .putLong(head.capacity());
        head.position(HEADER_BYTES);
        for (long entry : index) {
            head.putLong(entry);
        }
        head.flip();
        long position = 0;
        while (head.hasRemaining()) {
            position += channel.write(head, position);
        }
        channel.force(true);
        channel.close();
        done = true;
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return count;
    }

    /** Discards the temporary file unless {@link #commit()} has moved it into place. */
    @Override
    public void close() throws IOException {
        done = true;
        if (channel.isOpen()) {
            channel.close();
        }
        Files.deleteIfExists(temp);
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
