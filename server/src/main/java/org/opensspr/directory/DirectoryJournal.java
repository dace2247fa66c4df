package org.opensspr.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded directory's append-only change journal, with group commit. A write
 * {@linkplain #append appends} its change records to a buffer and gets a sequence number, then
 * {@linkplain #awaitDurable waits} until they are on disk: the first waiter writes everything
 * buffered as one unit ({@link JournalFrames}) and forces it, and the writers that appended
 * meanwhile share the next force, so one fsync serves as many writes as arrive during the last.
 *
 * <p>A failed write or force is final: the buffered records are not on disk, so every waiter and
 * every later append fails with the same {@link IOException} (after a failed fsync the kernel may
 * have dropped the pages; retrying could acknowledge a write that is not there). The server must be
 * restarted; what was acknowledged before is in the journal.
 */
final class DirectoryJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryJournal.class);

    private final Path file;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Object bufferLock = new Object();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final AtomicLong syncs = new AtomicLong();
    private long appended;
    private volatile long durable;
    private final AtomicLong size = new AtomicLong();
    private volatile IOException failure;
    private FileChannel channel;

    private DirectoryJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Creates {@code file}, which must not exist, and makes its name durable. */
    static DirectoryJournal create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        SnapshotFile.forceDirectory(file.toAbsolutePath().getParent());
        return new DirectoryJournal(file, channel);
    }

    /** Buffers {@code records} (LDIF change records) and returns the number to wait for. */
    long append(byte[] records) throws IOException {
        synchronized (bufferLock) {
            failIfFailed();
            buffer.write(records);
            return ++appended;
        }
    }

    /** Returns once the records appended as {@code sequence} (and all before them) are on disk. */
    void awaitDurable(long sequence) throws IOException {
        if (durable >= sequence) {
            return;
        }
        syncLock.lock();
        try {
            if (durable >= sequence) {
                return;
            }
            failIfFailed();
            flush();
        } finally {
            syncLock.unlock();
        }
    }

    /** Marks the journal failed: a change could not be journaled, so nothing later may be acknowledged. */
    synchronized void fail(Exception cause) {
        if (failure == null) {
            failure = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        }
    }

    /** Whether a write failed: the journal accepts nothing more. */
    boolean failed() {
        return failure != null;
    }

    Path file() {
        return file;
    }

    /** Bytes in the current journal file. */
    long size() {
        return size.get();
    }

    /** How many times the journal was forced to disk (each force made one unit durable). */
    long syncs() {
        return syncs.get();
    }

    /**
     * Moves the current file to {@code rotated} and goes on in a new, empty file of the same name,
     * between two units: what is buffered goes to the new file. Writers are held only for the
     * rename and the creation.
     */
    void rotateTo(Path rotated) throws IOException {
        syncLock.lock();
        try {
            failIfFailed();
            try {
                channel.close();
                Files.move(file, rotated, StandardCopyOption.ATOMIC_MOVE);
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                SnapshotFile.forceDirectory(file.toAbsolutePath().getParent());
                size.set(0);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** Writes what is buffered and closes the file; logs how many writes shared how many forces. */
    @Override
    public void close() throws IOException {
        syncLock.lock();
        try {
            if (failure == null) {
                flush();
                failure = new IOException("the journal is closed");
            }
            channel.close();
            log.info("Embedded directory journal closed: {} writes made durable in {} forces", durable, syncs.get());
        } finally {
            syncLock.unlock();
        }
    }

    /** Under {@code syncLock}: one unit of everything buffered, written and forced. */
    private void flush() throws IOException {
        byte[] payload;
        long upTo;
        synchronized (bufferLock) {
            payload = buffer.toByteArray();
            buffer.reset();
            upTo = appended;
        }
        if (payload.length == 0) {
            durable = upTo;
            return;
        }
        try {
            ByteBuffer unit = ByteBuffer.wrap(JournalFrames.frame(payload));
            int length = unit.remaining();
            while (unit.hasRemaining()) {
                channel.write(unit);
            }
            channel.force(false);
            syncs.incrementAndGet();
            size.addAndGet(length);
            durable = upTo;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void failIfFailed() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            throw new IOException(
                    "the journal " + file + " could not be written earlier: " + failed.getMessage(), failed);
        }
    }
}
