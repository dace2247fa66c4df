package org.opensspr.enrollment;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pre-filled contact info by login (lower-cased, as directories compare logins). */
@Repository
class JdbcContactInfoRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcContactInfoRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<ContactInfo> find(String login) {
        return jdbc.sql("SELECT email, phone FROM contact_info WHERE login = :login")
                .param("login", key(login))
                .query((rs, n) -> new ContactInfo(rs.getString("email"), rs.getString("phone")))
                .optional();
    }

    void save(String login, ContactInfo info) {
        int updated = jdbc.sql(
                        "UPDATE contact_info SET email = :email, phone = :phone, updated_at = :at WHERE login = :login")
                .param("email", info.email())
                .param("phone", info.phone())
                .param("at", clock.millis())
                .param("login", key(login))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO contact_info (login, email, phone, updated_at) VALUES (:login, :email, :phone, :at)")
                    .param("login", key(login))
                    .param("email", info.email())
                    .param("phone", info.phone())
                    .param("at", clock.millis())
                    .update();
        }
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /** Up to {@code limit} pre-filled phone numbers (E.164), whoever they belong to. */
    List<String> phoneNumbers(int limit) {
        return jdbc.sql("SELECT phone FROM contact_info WHERE phone IS NOT NULL")
                .withMaxRows(limit)
                .query(String.class)
                .list();
    }

    /** Up to {@code limit} pre-filled email addresses, whoever they belong to. */
    List<String> emails(int limit) {
        return jdbc.sql("SELECT email FROM contact_info WHERE email IS NOT NULL")
                .withMaxRows(limit)
                .query(String.class)
                .list();
    }
}
