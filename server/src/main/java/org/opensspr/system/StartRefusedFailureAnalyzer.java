package org.opensspr.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@link StartRefusedException} as Spring Boot's "APPLICATION FAILED TO START" report:
 * the problem and what to do, no stack trace (registered in {@code META-INF/spring.factories}).
 */
public final class StartRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartRefusedException cause) {
        return new FailureAnalysis("Refusing to start: " + cause.problem(), cause.action(), cause);
    }
}
