package org.opensspr.system;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is away (down, restarting, refusing connections, the pool's wait run out)
 * from a bug: the first is answered with a 503 and retried by scheduled work, the second is a 500
 * with a stack trace. The one definition the web layer and the scheduler share.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {}

    /**
     * A database that gave no connection, lost one (SQLSTATE class 08, or 57P: shut down, starting
     * up), or failed a statement for a passing reason; also any commit or rollback that failed
     * ({@link TransactionSystemException}: with JDBC transactions only a broken connection does that).
     */
    public static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof TransactionSystemException) {
                // A JDBC commit or rollback that failed: the connection broke under it. When a commit
                // fails on a connection the database dropped, the rollback that follows fails too, on a
                // pool connection already closed ("Connection is closed", no SQLSTATE), and that is the
                // exception thrown: not a bug in the request either.
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
