package org.opensspr.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * What a scheduled job (sweeps, purges, settling interrupted writes) that failed leaves in the log.
 * While the database is away each run fails the same way and the next run tries again, so that is
 * one WARN line without a stack trace; anything else is a bug and logged as Spring does, with its
 * stack trace at ERROR.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskErrors implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledTaskErrorHandler() {
        return scheduler -> scheduler.setErrorHandler(this);
    }

    @Override
    public void handleError(Throwable error) {
        if (DatabaseOutages.isOutage(error)) {
            log.warn("A scheduled job could not reach the database; its next run tries again: {}", error.toString());
        } else {
            log.error("Unexpected error occurred in scheduled task", error);
        }
    }
}
