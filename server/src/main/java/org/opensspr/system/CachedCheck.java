package org.opensspr.system;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest result of a check that may take a network round trip (a directory read, a database
 * validation, a count of the outbox), for callers that must never wait on it: a health request, a
 * metrics scrape. {@link #get()} answers from what the last check found and, when that started
 * {@code ttl} or longer ago, starts the next check on a background thread of its own (one at a
 * time: a check still running is not started again). So the check runs at most once per {@code ttl}
 * whatever the request rate, and not at all while nobody asks.
 *
 * <p>What a caller sees: the check's value; {@code failed} applied to what it threw (it is never
 * rethrown, and logged at DEBUG only: the answer says it); or {@code unanswered} applied to how long
 * the running check has taken when there is no result yet or the running check has taken longer
 * than {@code patience} (a hung server is reported as such, not as its last good answer).
 *
 * <p>Elapsed time is measured with {@link System#nanoTime()} (monotonic: a TTL, not a time of day),
 * which tests replace with a ticker of their own.
 */
public final class CachedCheck<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CachedCheck.class);

    private final String name;
    private final Supplier<T> check;
    private final Function<RuntimeException, T> failed;
    private final Function<Duration, T> unanswered;
    private final long ttlNanos;
    private final long patienceNanos;
    private final ExecutorService ownExecutor;
    private final Executor executor;
    private final LongSupplier nanoTime;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long startedAt;
    private volatile boolean everStarted;
    private volatile T last;

    /**
     * A check refreshed on a daemon thread named {@code sspr-check-<name>}, which ends when idle.
     *
     * @param name for the thread's name and the log
     * @param ttl how old a result may get before the next {@link #get()} starts a new check
     * @param patience how long a running check may take before {@link #get()} reports it as unanswered
     * @param check the check; may throw
     * @param failed the result for an exception the check threw
     * @param unanswered the result while there is none yet, or while a check runs longer than
     *     {@code patience}; given how long it has been running
     */
    public CachedCheck(
            String name,
            Duration ttl,
            Duration patience,
            Supplier<T> check,
            Function<RuntimeException, T> failed,
            Function<Duration, T> unanswered) {
        this(name, ttl, patience, check, failed, unanswered, null, System::nanoTime);
    }

    /** For tests: runs checks on {@code executor} (null: a thread of its own) and reads elapsed time from {@code nanoTime}. */
    public CachedCheck(
            String name,
            Duration ttl,
            Duration patience,
            Supplier<T> check,
            Function<RuntimeException, T> failed,
            Function<Duration, T> unanswered,
            Executor executor,
            LongSupplier nanoTime) {
        this.name = Objects.requireNonNull(name, "name cannot be null");
        this.check = Objects.requireNonNull(check, "check cannot be null");
        this.failed = Objects.requireNonNull(failed, "failed cannot be null");
        this.unanswered = Objects.requireNonNull(unanswered, "unanswered cannot be null");
        this.ttlNanos = positive(ttl, "ttl").toNanos();
        this.patienceNanos = positive(patience, "patience").toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime cannot be null");
        if (executor == null) {
            ThreadPoolExecutor own =
                    new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread thread = new Thread(r, "sspr-check-" + name);
                        thread.setDaemon(true);
                        return thread;
                    });
            this.ownExecutor = own;
            this.executor = own;
        } else {
            this.ownExecutor = null;
            this.executor = executor;
        }
    }

    /** The latest result, starting the next check in the background when it is due. Never waits for a check. */
    public T get() {
        long now = nanoTime.getAsLong();
        if (!everStarted || now - startedAt >= ttlNanos) {
            refresh(now);
        }
        boolean busy = running.get();
        T result = last;
        if (busy) {
            long runningFor = nanoTime.getAsLong() - startedAt;
            if (result == null || runningFor > patienceNanos) {
                return unanswered.apply(Duration.ofNanos(Math.max(0, runningFor)));
            }
        }
        return result == null ? unanswered.apply(Duration.ZERO) : result;
    }

    /** Starts a check now unless one is running; for a warm-up at start. */
    public void refresh() {
        refresh(nanoTime.getAsLong());
    }

    private void refresh(long now) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        startedAt = now;
        everStarted = true;
        try {
            executor.execute(this::run);
        } catch (RejectedExecutionException e) {
            running.set(false); // closed
        }
    }

    private void run() {
        T result;
        try {
            result = check.get();
        } catch (RuntimeException e) {
            log.debug("The {} check failed", name, e);
            result = failed.apply(e);
        }
        last = result;
        running.set(false);
    }

    /** Stops the background thread; a check that is running finishes on its own. */
    @Override
    public void close() {
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
    }

    private static Duration positive(Duration value, String what) {
        Objects.requireNonNull(value, what + " cannot be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
        return value;
    }
}
