package org.opensspr.web;

import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error as an RFC 9457 problem detail. Request bodies that fail a record's own checks
 * (an {@link IllegalArgumentException} from its constructor) are answered 400 with that
 * check's message, which says what is wrong; an unknown field is named (a typo in an admin
 * policy must not be silently ignored).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    /**
     * The database did not give a connection or a lock in time (the pool's wait is bounded, see
     * {@code spring.datasource.hikari.connection-timeout}): the node is busy, not broken. A fast
     * {@code 503} with {@code Retry-After}, never a {@code 500}; the step's transaction rolled back.
     */
    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class,
        // a commit or rollback the database cut off (see DatabaseOutages)
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("Busy: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ProblemResponses.BUSY_RETRY_AFTER)
                .body(ProblemResponses.busy());
    }

    /**
     * A page that does not exist: a browser gets the styled error page (in its language, with the way
     * back to the start) through the container's error dispatch; an API client the problem document.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE)
                && request instanceof ServletWebRequest servlet
                && servlet.getResponse() != null) {
            try {
                servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (IOException e) {
                // the client went away; answer as for an API client
            }
        }
        return super.handleNoResourceFoundException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .header("Connection", "close")
                        .body(tooLarge.problem());
            }
            if (cause instanceof PropertyBindingException unknown) {
                return ResponseEntity.badRequest()
                        .body(badRequest("Unknown field '" + unknown.getPropertyName() + "'. Known fields: "
                                + unknown.getKnownPropertyIds() + "."));
            }
            if (cause instanceof IllegalArgumentException invalid) {
                return ResponseEntity.badRequest().body(badRequest(invalid.getMessage()));
            }
        }
        return ResponseEntity.badRequest()
                .body(badRequest("The request body is not valid JSON of the expected shape."));
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("https://opensspr.org/problems/invalid-request"));
        problem.setTitle("Invalid request");
        return problem;
    }
}
