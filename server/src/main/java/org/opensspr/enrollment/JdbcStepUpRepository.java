package org.opensspr.enrollment;

import java.time.Instant;
import java.util.Optional;
import org.opensspr.policy.MethodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Step-up codes waiting for their answer (one per login) and the proofs they gave, by login (lower-cased). */
@Repository
class JdbcStepUpRepository {

    private final JdbcClient jdbc;

    JdbcStepUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveChallenge(String login, MethodType type, String codeHash, Instant expiresAt) {
        jdbc.sql("DELETE FROM step_up_challenge WHERE login = :login")
                .param("login", JdbcRegistrationRepository.key(login))
                .update();
        jdbc.sql("""
                INSERT INTO step_up_challenge (login, type, code_hash, expires_at, failures)
                VALUES (:login, :type, :code, :expires, 0)""")
                .param("login", JdbcRegistrationRepository.key(login))
                .param("type", type.id())
                .param("code", codeHash)
                .param("expires", expiresAt.toEpochMilli())
                .update();
    }

    /** The code hash of the login's step-up code for {@code type}, if one is waiting and has not expired. */
    Optional<String> challenge(String login, MethodType type, Instant now) {
        return jdbc.sql("""
                SELECT code_hash FROM step_up_challenge
                WHERE login = :login AND type = :type AND expires_at > :now""")
                .param("login", JdbcRegistrationRepository.key(login))
                .param("type", type.id())
                .param("now", now.toEpochMilli())
                .query(String.class)
                .optional();
    }

    /**
     * Takes one of the code's {@code max} attempts with a conditional update: of requests sent in
     * parallel, only as many as there are attempts left are checked against the code.
     */
    boolean takeAttempt(String login, int max) {
        return jdbc.sql("UPDATE step_up_challenge SET failures = failures + 1 WHERE login = :login AND failures < :max")
                        .param("login", JdbcRegistrationRepository.key(login))
                        .param("max", max)
                        .update()
                == 1;
    }

    /** Uses up the code; true only for the request whose delete removed it. */
    boolean consumeChallenge(String login) {
        return jdbc.sql("DELETE FROM step_up_challenge WHERE login = :login")
                        .param("login", JdbcRegistrationRepository.key(login))
                        .update()
                == 1;
    }

    void saveGrant(String tokenHash, String login, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("DELETE FROM step_up_grant WHERE expires_at <= :now")
                .param("now", issuedAt.toEpochMilli())
                .update();
        jdbc.sql("""
                INSERT INTO step_up_grant (token_hash, login, issued_at, expires_at)
                VALUES (:hash, :login, :issued, :expires)""")
                .param("hash", tokenHash)
                .param("login", JdbcRegistrationRepository.key(login))
                .param("issued", issuedAt.toEpochMilli())
                .param("expires", expiresAt.toEpochMilli())
                .update();
    }

    /** When the proof with this token hash was given, if it is the login's and has not expired. */
    Optional<Instant> grantIssuedAt(String tokenHash, String login, Instant now) {
        return jdbc.sql("""
                SELECT issued_at FROM step_up_grant
                WHERE token_hash = :hash AND login = :login AND expires_at > :now""")
                .param("hash", tokenHash)
                .param("login", JdbcRegistrationRepository.key(login))
                .param("now", now.toEpochMilli())
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }
}
