package org.opensspr.throttle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.opensspr.audit.AuditEvent;
import org.opensspr.audit.AuditLog;
import org.opensspr.audit.AuditResult;
import org.opensspr.audit.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one throttle in front of every password check (HTTP Basic, the portal's sign-in form, the
 * admin API, the current password of a password change), across all nodes. Failures are counted
 * per login (as typed, lower-cased: an unknown login is counted exactly like a real one) and per
 * source address; after the free failures of {@link SignInProperties} each further attempt must
 * wait, longer with every failure. The check comes <em>before</em> the directory is asked, so a
 * throttled attempt never binds and strangers cannot push a directory account into its own
 * lockout. A success forgets the login's failures (not the source's).
 *
 * <p>Every failed and every throttled attempt is audited (the caller's activity, result
 * {@code Failure} or {@code Blocked}, with Entra ID's sign-in error codes 50126 and 50053 in the
 * details) and logged at INFO/WARN with the login as typed and the address; never the password.
 * On one node, attempts for the same login are checked one at a time, so parallel guesses cannot
 * all pass the check before the first failure is counted. A throttled attempt also counts in
 * {@code sspr.throttle.hits} with {@code kind=sign_in} (the reset flow's kinds are counted by the
 * reset feature under the same name).
 */
@Component
public class SignInThrottle {

    /** Entra ID's sign-in error 50126. */
    static final String INVALID = "Invalid username or password (50126)";

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int STRIPES = 256;

    private final Throttle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final SignInProperties settings;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Counter throttled;

    SignInThrottle(Throttle throttle, AuditLog audit, Clock clock, SignInProperties settings, MeterRegistry registry) {
        this.throttle = throttle;
        this.throttled = Counter.builder("sspr.throttle.hits")
                .description("Requests refused or logins blocked by throttling, by kind")
                .tag("kind", "sign_in")
                .register(registry);
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Runs {@code passwordCheck} (the directory bind) unless {@code login} or the caller's address
     * must wait; counts and audits a failure, forgets the login's failures after a success.
     *
     * @param activity the audit activity a failure or refusal is recorded under
     * @return what {@code passwordCheck} returned: empty for a wrong password or unknown login
     * @throws SignInThrottledException when the attempt must wait; the directory was not asked
     */
    public <T> Optional<T> attempt(String activity, String login, Caller caller, Supplier<Optional<T>> passwordCheck) {
        String name = login == null ? "" : login;
        ReentrantLock lock = stripes[Math.floorMod(normalised(name).hashCode(), STRIPES)];
        lock.lock();
        try {
            Optional<Duration> wait = longer(
                    wait("sign-in:" + name, settings.loginFailures()),
                    wait("sign-in-source:" + caller.ip(), settings.sourceFailures()));
            if (wait.isPresent()) {
                SignInThrottledException refused = new SignInThrottledException(wait.get());
                throttled.increment();
                audit.record(AuditEvent.of(
                        clock.instant(),
                        activity,
                        AuditResult.Blocked,
                        caller,
                        name,
                        "Too many failed sign-ins, next attempt in " + refused.retryAfterSeconds() + " s (50053)"));
                log.warn(
                        "{}: throttled for login '{}' from {} ({}), retry after {} s",
                        activity,
                        printable(name),
                        caller.ip(),
                        caller.clientType(),
                        refused.retryAfterSeconds());
                throw refused;
            }
            Optional<T> result = passwordCheck.get();
            if (result.isPresent()) {
                throttle.forget("sign-in:" + name);
                return result;
            }
            throttle.count("sign-in:" + name, settings.window());
            throttle.count("sign-in-source:" + caller.ip(), settings.window());
            audit.record(AuditEvent.of(clock.instant(), activity, AuditResult.Failure, caller, name, INVALID));
            log.info(
                    "{}: wrong password for login '{}' from {} ({})",
                    activity,
                    printable(name),
                    caller.ip(),
                    caller.clientType());
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * When {@code login} may next try a password, if it must wait now: the login's own failures only
     * (a source address's lock-out is not about one user). For the helpdesk; records nothing.
     */
    public Optional<Instant> lockedUntil(String login) {
        return wait("sign-in:" + login, settings.loginFailures())
                .map(wait -> clock.instant().plus(wait));
    }

    /** Forgets the login's failed sign-ins, so it need not wait any more (the helpdesk lifts a lock-out). */
    public void release(String login) {
        throttle.forget("sign-in:" + login);
    }

    /** How long {@code subject} must still wait, if it must: none until its free failures are used up. */
    private Optional<Duration> wait(String subject, int freeFailures) {
        Throttle.Recent recent = throttle.recent(subject, settings.window());
        if (recent.count() < freeFailures || recent.newest() == null) {
            return Optional.empty();
        }
        int beyond = Math.min(recent.count() - freeFailures, 30);
        Duration wait = settings.firstWait().multipliedBy(1L << beyond);
        if (wait.compareTo(settings.longestWait()) > 0) {
            wait = settings.longestWait();
        }
        Instant allowedAt = recent.newest().plus(wait);
        Instant now = clock.instant();
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String normalised(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /** The login for a log line: no line breaks or control characters, at most 100 characters. */
    private static String printable(String login) {
        String cut = login.length() <= 100 ? login : login.substring(0, 100) + "...";
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
