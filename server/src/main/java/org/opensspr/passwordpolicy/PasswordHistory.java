package org.opensspr.passwordpolicy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.opensspr.secrets.Argon2idHasher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The user's last passwords as Argon2id hashes, so a new password can be refused when it was
 * used recently (the policy's {@code historySize}). Only passwords set through OpenSSPR are known;
 * the directory's own history (OpenLDAP ppolicy, AD) still applies on top. Each check costs one
 * Argon2id verification per remembered password (tens of milliseconds each), so it runs only when
 * every other rule passed: when a password is submitted, and for the meter's check of a verified flow
 * or a signed-in user, whose budget of checks a minute bounds the cost ({@code reset.PasswordChecks}).
 */
@Repository
class PasswordHistory {

    private final JdbcClient jdbc;
    private final Argon2idHasher hasher;
    private final Clock clock;

    PasswordHistory(JdbcClient jdbc, Argon2idHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Whether {@code password} is one of the user's last {@code size} passwords. */
    boolean contains(String login, String password, int size) {
        if (size <= 0) {
            return false;
        }
        boolean found = false;
        for (String hash : newest(login, size)) {
            found |= hasher.matches(password, hash);
        }
        return found;
    }

    /** Remembers a password that was just set, and forgets all but the newest {@code size}. */
    void remember(String login, String password, int size) {
        if (size <= 0) {
            return;
        }
        jdbc.sql("INSERT INTO password_history (login, hash, changed_at) VALUES (:login, :hash, :at)")
                .param("login", key(login))
                .param("hash", hasher.hash(password))
                .param("at", clock.millis())
                .update();
        List<Long> keep = jdbc.sql("SELECT id FROM password_history WHERE login = :login ORDER BY id DESC FETCH FIRST "
                        + size + " ROWS ONLY")
                .param("login", key(login))
                .query(Long.class)
                .list();
        jdbc.sql("DELETE FROM password_history WHERE login = :login AND id < :oldest")
                .param("login", key(login))
                .param("oldest", keep.get(keep.size() - 1))
                .update();
    }

    private List<String> newest(String login, int size) {
        return jdbc.sql("SELECT hash FROM password_history WHERE login = :login ORDER BY id DESC FETCH FIRST " + size
                        + " ROWS ONLY")
                .param("login", key(login))
                .query(String.class)
                .list();
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
