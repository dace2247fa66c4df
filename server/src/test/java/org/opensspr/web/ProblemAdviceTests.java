package org.opensspr.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.opensspr.Bundles;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database that gives no connection or lock in time is a busy node: 503 with Retry-After, never 500. */
class ProblemAdviceTests {

    private final ProblemAdvice advice = new ProblemAdvice();

    {
        advice.setMessageSource(Bundles.messages());
    }

    @Test
    void noConnectionWithinThePoolsWaitIsA503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = advice.busy(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getType().toString()).endsWith("/server-busy");
        assertThat(answer.getBody().getDetail())
                .isEqualTo("The server is busy. Please try again in a moment.")
                .doesNotContain("Hikari");
    }

    @Test
    void aTransactionThatGetsNoConnectionIsBusyToo() {
        assertThat(advice.busy(new CannotCreateTransactionException(
                                "Could not open JDBC Connection for transaction",
                                new SQLTransientConnectionException("Connection is not available")))
                        .getStatusCode()
                        .value())
                .isEqualTo(503);
    }

    @Test
    void aQueryTimeoutIsBusyToo() {
        assertThat(advice.busy(new QueryTimeoutException("timeout"))
                        .getStatusCode()
                        .value())
                .isEqualTo(503);
    }
}
