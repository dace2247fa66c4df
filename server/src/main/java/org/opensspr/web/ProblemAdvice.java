package org.opensspr.web;

import java.io.IOException;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.MergePatches;
import org.opensspr.system.ProblemCode;
import org.opensspr.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Every error as an RFC 9457 problem detail; a {@link CodedProblem} gets its title and detail from
 * the message bundles in the request's language (through {@code ResponseEntityExceptionHandler},
 * which renders every {@code ErrorResponse} with the application's messages). Request bodies that fail a record's own checks
 * (an {@link IllegalArgumentException} from its constructor) are answered 400 with that
 * check's message, which says what is wrong; an unknown field is named (a typo in an admin
 * policy must not be silently ignored).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return invalidRequest(e);
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
                .body(problem(ProblemCode.SERVER_BUSY));
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
        return unreadable(ex);
    }

    /**
     * A merge patch ({@code PATCH}) whose merged result is no valid body: answered exactly as the
     * same document sent whole would be (an unknown field named, a record's check quoted).
     */
    @ExceptionHandler(MergePatches.UnreadablePatch.class)
    ResponseEntity<Object> unreadablePatch(MergePatches.UnreadablePatch ex) {
        return unreadable(ex);
    }

    private ResponseEntity<Object> unreadable(Exception ex) {
        for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .header("Connection", "close")
                        .body(render(tooLarge.problem()));
            }
            if (cause instanceof PropertyBindingException unknown) {
                return ResponseEntity.badRequest()
                        .body(problem(
                                ProblemCode.UNKNOWN_FIELD,
                                unknown.getPropertyName(),
                                String.valueOf(unknown.getKnownPropertyIds())));
            }
            if (cause instanceof IllegalArgumentException invalid) {
                return ResponseEntity.badRequest().body(invalidRequest(invalid));
            }
        }
        return ResponseEntity.badRequest().body(problem(ProblemCode.INVALID_JSON));
    }

    /** {@code 400 invalid-request}: an {@link InvalidInput}'s own text, else what the check said (English). */
    private ProblemDetail invalidRequest(IllegalArgumentException e) {
        return e instanceof InvalidInput input
                ? render(input.problem())
                : problem(ProblemCode.INVALID_REQUEST, String.valueOf(e.getMessage()));
    }

    /** The problem {@code code} in the request's language. */
    private ProblemDetail problem(ProblemCode code, Object... args) {
        return render(Problems.of(code, args));
    }

    private ProblemDetail render(CodedProblem problem) {
        return problem.render(getMessageSource(), LocaleContextHolder.getLocale());
    }
}
