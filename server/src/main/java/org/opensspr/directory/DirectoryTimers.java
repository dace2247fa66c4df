package org.opensspr.directory;

import com.unboundid.ldap.sdk.LDAPException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * {@code sspr.directory.operation}: how long the directory takes, tagged {@code operation}
 * ({@code search}: finding a user, groups, members, when a password changed; {@code bind}: checking
 * a user's password; {@code modify}: setting a password, unlocking). Failed operations are timed
 * too: a directory that times out shows as slow, not as missing. No user, DN or filter is a tag.
 * The background availability check ({@link LdapDirectory#isAvailable()}) is not timed.
 */
final class DirectoryTimers {

    /** An LDAP call that may fail. */
    @FunctionalInterface
    interface LdapCall<T> {
        T call() throws LDAPException;
    }

    private final Timer search;
    private final Timer bind;
    private final Timer modify;

    DirectoryTimers(MeterRegistry registry) {
        this.search = timer(registry, "search");
        this.bind = timer(registry, "bind");
        this.modify = timer(registry, "modify");
    }

    /** Timers nobody reads: for a directory built outside the application (tests). */
    static DirectoryTimers none() {
        return new DirectoryTimers(new SimpleMeterRegistry());
    }

    <T> T search(LdapCall<T> call) throws LDAPException {
        return time(search, call);
    }

    <T> T bind(LdapCall<T> call) throws LDAPException {
        return time(bind, call);
    }

    <T> T modify(LdapCall<T> call) throws LDAPException {
        return time(modify, call);
    }

    private static <T> T time(Timer timer, LdapCall<T> call) throws LDAPException {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return Timer.builder("sspr.directory.operation")
                .description("Directory operations: search, bind (a user's password), modify (password, unlock)")
                .tag("operation", operation)
                .register(registry);
    }
}
