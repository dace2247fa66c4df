package org.opensspr.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opensspr.policy.MethodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered methods and registrations waiting for their proof, by login (lower-cased). */
@Repository
class JdbcRegistrationRepository {

    private final JdbcClient jdbc;

    JdbcRegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RegisteredMethod> methods(String login) {
        return jdbc.sql("SELECT * FROM registered_method WHERE login = :login ORDER BY type")
                .param("login", key(login))
                .query((rs, n) -> new RegisteredMethod(
                        rs.getString("login"),
                        MethodType.of(rs.getString("type")),
                        rs.getString("method_value"),
                        rs.getLong("last_step"),
                        Instant.ofEpochMilli(rs.getLong("registered_at"))))
                .list();
    }

    Optional<RegisteredMethod> method(String login, MethodType type) {
        return methods(login).stream().filter(m -> m.type() == type).findFirst();
    }

    void save(String login, MethodType type, String value, Instant now) {
        delete(login, type);
        jdbc.sql("""
                INSERT INTO registered_method (login, type, method_value, last_step, registered_at)
                VALUES (:login, :type, :value, -1, :at)""")
                .param("login", key(login))
                .param("type", type.id())
                .param("value", value)
                .param("at", now.toEpochMilli())
                .update();
    }

    boolean delete(String login, MethodType type) {
        return jdbc.sql("DELETE FROM registered_method WHERE login = :login AND type = :type")
                        .param("login", key(login))
                        .param("type", type.id())
                        .update()
                == 1;
    }

    /**
     * Marks every method of {@code login} as confirmed at {@code now} (the user said at the
     * reconfirmation interrupt that it is still current); returns how many there are.
     */
    int confirmAll(String login, Instant now) {
        return jdbc.sql("UPDATE registered_method SET registered_at = :at WHERE login = :login")
                .param("at", now.toEpochMilli())
                .param("login", key(login))
                .update();
    }

    /** Moves the last accepted TOTP step forward; false if another request already used this step or a later one. */
    boolean advanceTotpStep(String login, long step) {
        return jdbc.sql(
                                "UPDATE registered_method SET last_step = :step WHERE login = :login AND type = 'totp' AND last_step < :step")
                        .param("step", step)
                        .param("login", key(login))
                        .update()
                == 1;
    }

    void savePending(String login, MethodType type, String value, String codeHash, Instant expiresAt) {
        jdbc.sql("DELETE FROM registration_challenge WHERE login = :login AND type = :type")
                .param("login", key(login))
                .param("type", type.id())
                .update();
        jdbc.sql("""
                INSERT INTO registration_challenge (login, type, pending_value, code_hash, expires_at, failures)
                VALUES (:login, :type, :value, :code, :expires, 0)""")
                .param("login", key(login))
                .param("type", type.id())
                .param("value", value)
                .param("code", codeHash)
                .param("expires", expiresAt.toEpochMilli())
                .update();
    }

    /** The pending value, if a registration of this type is waiting and has not expired. */
    Optional<Pending> pending(String login, MethodType type, Instant now) {
        return jdbc.sql(
                        "SELECT pending_value, code_hash, failures FROM registration_challenge WHERE login = :login AND type = :type AND expires_at > :now")
                .param("login", key(login))
                .param("type", type.id())
                .param("now", now.toEpochMilli())
                .query((rs, n) ->
                        new Pending(rs.getString("pending_value"), rs.getString("code_hash"), rs.getInt("failures")))
                .optional();
    }

    /** Consumes the pending registration; true only for the request whose delete removed it. */
    boolean consumePending(String login, MethodType type) {
        return jdbc.sql("DELETE FROM registration_challenge WHERE login = :login AND type = :type")
                        .param("login", key(login))
                        .param("type", type.id())
                        .update()
                == 1;
    }

    int countPendingFailure(String login, MethodType type) {
        jdbc.sql("UPDATE registration_challenge SET failures = failures + 1 WHERE login = :login AND type = :type")
                .param("login", key(login))
                .param("type", type.id())
                .update();
        return jdbc.sql("SELECT failures FROM registration_challenge WHERE login = :login AND type = :type")
                .param("login", key(login))
                .param("type", type.id())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Up to {@code limit} registered values of one type (E.164 numbers, addresses), whoever they belong to. */
    List<String> values(MethodType type, int limit) {
        return jdbc.sql("SELECT method_value FROM registered_method WHERE type = :type")
                .param("type", type.id())
                .withMaxRows(limit)
                .query(String.class)
                .list();
    }

    /** Asks the login to register or confirm its security info again at the next sign-in (kept until confirmed). */
    void demand(String login, String by, Instant now) {
        int updated = jdbc.sql(
                        "UPDATE registration_demand SET demanded_at = :at, demanded_by = :by WHERE login = :login")
                .param("at", now.toEpochMilli())
                .param("by", by)
                .param("login", key(login))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO registration_demand (login, demanded_at, demanded_by) VALUES (:login, :at, :by)")
                    .param("login", key(login))
                    .param("at", now.toEpochMilli())
                    .param("by", by)
                    .update();
        }
    }

    /** Whether the helpdesk asked the login to register or confirm again, and it has not yet. */
    boolean demanded(String login) {
        return jdbc.sql("SELECT COUNT(*) FROM registration_demand WHERE login = :login")
                        .param("login", key(login))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The user confirmed their security info: the helpdesk's demand, if any, is met. */
    void demandMet(String login) {
        jdbc.sql("DELETE FROM registration_demand WHERE login = :login")
                .param("login", key(login))
                .update();
    }

    record Pending(String value, String codeHash, int failures) {}

    static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }
}
