package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends every portal session of a login at once, on every node: a password reset or change writes
 * the instant after which sessions count ({@code session_epoch}, in the caller's transaction), and
 * {@link EndedSessionFilter} refuses a signed-in session that began before it. The HTTP Basic API
 * is stateless and needs nothing: the old password no longer signs in. A portal session keeps the
 * instant it signed in as the attribute {@link #SIGNED_IN_AT}.
 */
@Component
public class SessionEpochs {

    /** The session attribute that holds when the session signed in (epoch millis, a Long). */
    static final String SIGNED_IN_AT = SessionEpochs.class.getName() + ".signedInAt";

    private final JdbcClient jdbc;
    private final Clock clock;

    SessionEpochs(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Ends every session of {@code login} that signed in before now; returns that instant. Runs in
     * the caller's transaction, so the sessions end if and only if the change that ends them commits.
     */
    public Instant endSessions(String login) {
        Instant now = clock.instant();
        String key = key(login);
        int updated = jdbc.sql("UPDATE session_epoch SET valid_after = :at WHERE login = :login")
                .param("at", now.toEpochMilli())
                .param("login", key)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO session_epoch (login, valid_after) VALUES (:login, :at)")
                    .param("login", key)
                    .param("at", now.toEpochMilli())
                    .update();
        }
        return now;
    }

    /**
     * Keeps the session of {@code request} (the one that changed the password) signed in after
     * {@link #endSessions(String)} returned {@code epoch}: it counts as signed in at that instant.
     */
    public static void keepSession(HttpServletRequest request, Instant epoch) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SIGNED_IN_AT, epoch.toEpochMilli());
        }
    }

    /** The instant before which sessions of {@code login} no longer count; empty if none was set. */
    public Optional<Instant> validAfter(String login) {
        return jdbc.sql("SELECT valid_after FROM session_epoch WHERE login = :login")
                .param("login", key(login))
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    /** True when something signed in (or proven) at {@code at} has been ended since. */
    public boolean ended(String login, Instant at) {
        return validAfter(login).filter(at::isBefore).isPresent();
    }

    Instant now() {
        return clock.instant();
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
