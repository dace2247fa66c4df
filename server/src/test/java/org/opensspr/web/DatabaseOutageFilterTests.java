package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensspr.system.DatabaseOutages;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database failing outside a controller (the portal session's load or save, a sign-in count)
 * is a 503 with Retry-After in the client's format and language, never Tomcat's 500.
 */
class DatabaseOutageFilterTests {

    private static DatabaseOutageFilter filter(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new DatabaseOutageFilter(
                new ProblemResponses(JsonMapper.builder().build(), messages),
                messages,
                new FixedLocaleResolver(locale));
    }

    private static final FilterChain SESSION_CANNOT_LOAD = (request, response) -> {
        throw new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new SQLException("Connection refused", "08001"));
    };

    @Test
    void aPortalPageWhoseSessionCannotBeLoadedIsA503PageInTheUsersLanguage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(Locale.forLanguageTag("nl"))
                .doFilter(new MockHttpServletRequest("GET", "/reset"), response, SESSION_CANNOT_LOAD);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("<html lang=\"nl\">")
                .contains("De dienst kan zijn database nu niet bereiken")
                .doesNotContain("JDBC");
    }

    @Test
    void anApiRequestGetsTheServerBusyProblem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(Locale.ENGLISH)
                .doFilter(new MockHttpServletRequest("POST", "/api/v1/reset/flows"), response, SESSION_CANNOT_LOAD);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("server-busy").doesNotContain("JDBC");
    }

    @Test
    void aPageThatFailedAfterTakingTheWriterIsStillAnswered() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(Locale.ENGLISH).doFilter(new MockHttpServletRequest("GET", "/reset"), response, (request, answer) -> {
            answer.getWriter().write("<html><body>half a page");
            throw new DataAccessResourceFailureException("session save failed");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("half a page")
                .contains("cannot reach its database");
    }

    @Test
    void aCommitOrRollbackThatFailedOnADroppedConnectionIsAnOutageButOtherFailuresAreNot() throws Exception {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed");
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("connection lost"));
        assertThat(DatabaseOutages.isOutage(rollbackFailed)).isTrue();
        // A commit the database cut off, whose rollback then met the pool's closed connection (seen in the cluster
        // test).
        assertThat(DatabaseOutages.isOutage(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("duplicate key", "23505")))
                .isFalse();

        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> filter(Locale.ENGLISH)
                        .doFilter(
                                new MockHttpServletRequest("GET", "/reset"), new MockHttpServletResponse(), (q, r) -> {
                                    throw bug;
                                }))
                .isSameAs(bug);
    }
}
