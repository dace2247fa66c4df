package org.opensspr.notify;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads ({@code sspr-smtp-N}) that carry a batch's extra SMTP connections while the outbox
 * thread carries the first ({@link SmtpDelivery}). Its own type rather than an {@code Executor}
 * bean, so Spring Boot's application task executor stays as it is; closed with the context.
 */
final class SmtpConnections implements AutoCloseable {

    private final ExecutorService threads;

    /** @param connections how many connections a batch may use at once; one thread fewer is started on demand */
    SmtpConnections(int connections) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Math.max(1, connections - 1), task -> {
            Thread thread = new Thread(task, "sspr-smtp-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Executor executor() {
        return threads;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
