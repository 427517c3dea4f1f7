package org.lifecircle.web.common;

import java.net.URI;
import java.sql.SQLException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json with a stable {@code type}; never a stack trace. Spring MVC's
 * own errors (missing parameter, wrong type, unknown path) keep their status and get our types.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    /** Longest detail: enough for any message of ours with a quoted value of a few hundred characters. */
    private static final int MAX_QUOTED_CHARS = 1000;

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_PARAMETER, "Bad parameter", e.getMessage());
        problem.setProperty("parameter", shortened(e.parameter()));
        return problem;
    }

    @ExceptionHandler(UnknownParameterException.class)
    ProblemDetail unknownParameter(UnknownParameterException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_PARAMETER, "Unknown parameter", e.getMessage());
        problem.setProperty("parameter", shortened(e.parameter()));
        problem.setProperty("allowed", e.allowed());
        return problem;
    }

    @ExceptionHandler(TooManyFeaturesException.class)
    ProblemDetail tooManyFeatures(TooManyFeaturesException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, ProblemTypes.TOO_MANY_FEATURES, "Too many features", e.getMessage());
        problem.setProperty("matched", e.matched());
        problem.setProperty("limit", e.limit());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", e.getMessage());
    }

    /**
     * A request parameter Spring Security's firewall refuses when it is first read (a name with a
     * control character or a blank): the client's mistake like any other bad parameter.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejectedRequest(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_PARAMETER, "Bad parameter", e.getMessage());
    }

    /**
     * Text PostgreSQL cannot store (U+0000 in {@code text} or {@code jsonb}) reaches the database
     * from names and parameters of every kind; the statement fails, so nothing was stored and the
     * client's text is at fault. Any other integrity violation is a bug of ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolation(DataIntegrityViolationException e) {
        if (!isUnstorableText(e)) {
            return unexpected(e);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.BAD_PARAMETER,
                "Bad parameter",
                "The request holds a character the database cannot store (U+0000, the NUL character)");
    }

    /** Tomcat refuses, when first read, a query it cannot parse (a parameter without a name). */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadableQuery(InvalidParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.BAD_PARAMETER,
                "Bad parameter",
                "The query string cannot be read: " + e.getMessage());
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ProblemDetail databaseUnavailable(Exception e) {
        LOG.warn("Database unavailable: {}", e.getMessage());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.DATABASE_UNAVAILABLE,
                "Database unavailable",
                "The database cannot be reached; try again shortly.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "Internal error",
                "The request failed unexpectedly; the server log has the details.");
    }

    /** Spring MVC's own exceptions: keep status and detail, name the kind of problem. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            if (statusCode.value() == 404) {
                problem.setType(ProblemTypes.NOT_FOUND);
            } else if (statusCode.value() == 400) {
                problem.setType(ProblemTypes.BAD_PARAMETER);
            } else if (statusCode.value() == 413) {
                problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * Details quote what the client sent ({@code got [...]}, an unknown name): a quote is cut here, so
     * a megabyte value does not come back as a megabyte answer.
     */
    private static String shortened(String text) {
        if (text == null || text.length() <= MAX_QUOTED_CHARS) {
            return text;
        }
        int end =
                Character.isHighSurrogate(text.charAt(MAX_QUOTED_CHARS - 1)) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
        return text.substring(0, end) + "…";
    }

    /** SQLSTATE 22021 character_not_in_repertoire, 22P05 untranslatable_character. */
    private static boolean isUnstorableText(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, shortened(detail));
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
