package org.lifecircle.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.lifecircle.web.common.ProblemBody;
import org.lifecircle.web.common.ProblemTypes;
import org.lifecircle.web.ogc.OwsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request that may not go on, in the language of whoever asked: problem+json for the
 * API, an OWS exception report for GIS clients, the sign-in page for a browser asking for a page.
 *
 * <p>The HTTP Basic challenge ({@code WWW-Authenticate}) goes to scripts and GIS clients, which need
 * it to send their password; not to the web page's own calls (marked {@code X-Requested-With}),
 * where it would pop up the browser's password dialog over the sign-in page. When the accounts
 * cannot be read because the database is down, the answer is 503, as for every other request then.
 */
final class AuthenticationProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationProblems.class);
    static final String LOGIN_PAGE = "/login.html";
    static final String REALM = "lifecircle";

    private final JsonMapper json;

    AuthenticationProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException && e.getCause() instanceof DataAccessException) {
            LOG.warn(
                    "Database unavailable while checking an account: {}",
                    e.getCause().getMessage());
            problem(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.DATABASE_UNAVAILABLE,
                    "Database unavailable",
                    "The database cannot be reached; try again shortly.");
            return;
        }
        String path = path(request);
        if (isOgc(path)) {
            challenge(request, response);
            OwsException.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "NoApplicableCode",
                    null,
                    "An account is required: send a user name and password (HTTP Basic)");
        } else if (path.startsWith("/api/")) {
            challenge(request, response);
            problem(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    ProblemTypes.UNAUTHENTICATED,
                    "Sign-in required",
                    "Sign in on " + LOGIN_PAGE + ", or send a user name and password (HTTP Basic).");
        } else {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException && !signedIn()) {
            // The token is checked before anyone signs in: to someone not signed in, the answer is
            // that they must, not that their token is missing.
            commence(request, response, new InsufficientAuthenticationException("not signed in", e));
            return;
        }
        String detail = e instanceof CsrfException
                ? "The request lacks the page's CSRF token (header X-XSRF-TOKEN); reload the page and try again."
                : "Your account's role does not allow this request.";
        if (isOgc(path(request))) {
            OwsException.write(response, HttpStatus.FORBIDDEN, "NoApplicableCode", null, detail);
        } else {
            problem(response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
        }
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static void challenge(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
    }

    static boolean isOgc(String path) {
        return path.equals("/ogc") || path.startsWith("/ogc/") || path.startsWith("/tiles/");
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void problem(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        ProblemBody.write(response, json, status.value(), type, title, detail);
    }
}
