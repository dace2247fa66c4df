package org.opensspr.web;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired portal sessions once a minute, on every node (the delete is the same on each).
 * Spring Session's own cleanup thread is switched off ({@code spring.session.jdbc.cleanup-cron=-}) so
 * that this job runs on the application's scheduler, whose error handler logs a database that is
 * away as one line (system.ScheduledTaskErrors) instead of a stack trace every minute.
 */
@Component
final class ExpiredSessions {

    private final JdbcIndexedSessionRepository sessions;

    ExpiredSessions(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void delete() {
        sessions.cleanUpExpiredSessions();
    }
}
