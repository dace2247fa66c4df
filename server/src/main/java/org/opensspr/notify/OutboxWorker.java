package org.opensspr.notify;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxDispatcher} on a thread of its own, {@code sspr-outbox}, one pass after
 * another, so no other job delays mail and no message is delivered twice by this node. It waits
 * between passes until {@link #wake()} is called ({@link NotificationOutbox} does when a message
 * commits) or {@code sspr.notify.poll-millis} has passed: the poll finds retries that fell due,
 * messages queued by other nodes and any wake-up that was missed. After a full batch the next pass
 * starts at once.
 *
 * <p>Started and stopped with the application context, in a phase after the web server's, so
 * requests still being answered at shutdown may queue messages while it runs. Stopping lets the
 * pass in progress finish (up to {@value #STOP_WAIT_MILLIS} ms, then the thread is interrupted);
 * what is still queued stays in the table for the next start or another node. A database error
 * ends the pass; the next one comes after the poll interval, and it is logged once per outage.
 */
final class OutboxWorker implements SmartLifecycle {

    /** After the web server stops (Spring Boot stops it at {@code DEFAULT_PHASE - 2048}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    static final long STOP_WAIT_MILLIS = 30_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxDispatcher dispatcher;
    private final long pollMillis;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong wakeUpCount = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private Thread thread;
    private volatile boolean running;

    OutboxWorker(OutboxDispatcher dispatcher, long pollMillis) {
        if (pollMillis <= 0) {
            throw new IllegalArgumentException("pollMillis must be positive, got " + pollMillis);
        }
        this.dispatcher = dispatcher;
        this.pollMillis = pollMillis;
    }

    /** Asks for a pass now; returns at once, from any thread. Wake-ups while a pass runs make one more pass. */
    void wake() {
        wakeUpCount.incrementAndGet();
        wakeUps.release();
    }

    /** How many times {@link #wake()} was called; for tests. */
    long wakeUps() {
        return wakeUpCount.get();
    }

    /** How many passes have finished; for tests. */
    long passes() {
        return passes.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "sspr-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = thread;
            thread = null;
        }
        wakeUps.release();
        try {
            stopping.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.warn("The outbox pass did not finish within {} ms; interrupting it", STOP_WAIT_MILLIS);
            stopping.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            int due = 0;
            try {
                due = dispatcher.dispatch();
                if (failing) {
                    log.info("The outbox can be read again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Cannot read the outbox, trying again every {} ms: {}", pollMillis, e.toString());
                    failing = true;
                } else {
                    log.debug("Cannot read the outbox", e);
                }
            }
            passes.incrementAndGet();
            if (due < OutboxDispatcher.BATCH && !await()) {
                return;
            }
        }
    }

    /** Waits for a wake-up or the poll interval; false when interrupted (stop). */
    private boolean await() {
        try {
            if (wakeUps.tryAcquire(pollMillis, TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits(); // one pass serves every wake-up so far
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
