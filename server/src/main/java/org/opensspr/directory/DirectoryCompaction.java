package org.opensspr.directory;

import com.unboundid.ldap.sdk.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded directory's journal short, in the background. Once the journal is as large as
 * the last snapshot (and at least {@code minimumBytes}), one thread rotates it to
 * {@code directory.journal.1} (writers go on in a new journal at once), writes a new snapshot of
 * the live directory, and deletes the rotated journal. Each compaction costs one snapshot and comes
 * after at least a snapshot's worth of journal, so the cost per write stays constant however large
 * the directory.
 *
 * <p>The snapshot is taken after the rotation, so it holds every change of the rotated journal and
 * maybe some of the new one; replay is idempotent ({@link DirectoryImage}), so a crash at any step
 * loses nothing: start-up replays the rotated journal, if still there, then the new one, over
 * whichever snapshot is in place. A failed compaction is logged as an error and retried after as
 * many bytes again; the changes stay safe in the journals meanwhile.
 */
final class DirectoryCompaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCompaction.class);

    private final DirectoryJournal journal;
    private final Path snapshot;
    private final Path rotated;
    private final Callable<List<? extends Entry>> export;
    private final long minimumBytes;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong completed = new AtomicLong();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sspr-directory-compaction");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long threshold;

    DirectoryCompaction(
            DirectoryJournal journal,
            Path snapshot,
            Path rotated,
            Callable<List<? extends Entry>> export,
            long minimumBytes,
            long snapshotBytes) {
        this.journal = journal;
        this.snapshot = snapshot;
        this.rotated = rotated;
        this.export = export;
        this.minimumBytes = minimumBytes;
        this.threshold = Math.max(minimumBytes, snapshotBytes);
    }

    /** Starts a compaction in the background when the journal has grown past the threshold. */
    void maybeStart() {
        if (journal.size() >= threshold && running.compareAndSet(false, true)) {
            try {
                executor.execute(this::compact);
            } catch (RejectedExecutionException closing) {
                running.set(false);
            }
        }
    }

    /** How many compactions completed since start. */
    long completed() {
        return completed.get();
    }

    private void compact() {
        long start = System.nanoTime();
        try {
            if (!Files.exists(rotated)) {
                journal.rotateTo(rotated);
            }
            List<? extends Entry> entries = export.call();
            long bytes = SnapshotFile.write(snapshot, entries);
            Files.delete(rotated);
            SnapshotFile.forceDirectory(rotated.toAbsolutePath().getParent());
            threshold = Math.max(minimumBytes, bytes);
            completed.incrementAndGet();
            log.info(
                    "Embedded directory compacted: a new snapshot of {} entries ({} bytes) in {} ms; the journal"
                            + " starts again",
                    entries.size(),
                    bytes,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (Exception e) {
            threshold = journal.size() + Math.max(minimumBytes, threshold);
            log.error(
                    "Embedded directory could not compact its journal; the changes are safe in {} and {}, and it"
                            + " tries again later: {}",
                    rotated,
                    journal.file(),
                    e.getMessage(),
                    e);
        } finally {
            running.set(false);
        }
    }

    /** Lets a running compaction finish (at most a minute) and stops the thread. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            log.warn("Embedded directory compaction did not finish within a minute of shutdown; start-up will redo it");
        }
    }
}
