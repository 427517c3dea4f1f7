package org.lifecircle.web.common;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
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

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_PARAMETER, "Bad parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(UnknownParameterException.class)
    ProblemDetail unknownParameter(UnknownParameterException e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_PARAMETER, "Unknown parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
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

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
