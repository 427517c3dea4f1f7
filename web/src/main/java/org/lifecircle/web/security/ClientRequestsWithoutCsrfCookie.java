package org.lifecircle.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The CSRF cookie ({@code XSRF-TOKEN}, Spring Security's cookie repository) for browsers only. The
 * single-page setup resolves the token on every request so that the cookie is always there to echo;
 * a request CSRF protection ignores (a script's, signed with HTTP Basic) would get a fresh random token
 * and a {@code Set-Cookie} it never reads.
 * Such requests get no cookie; a browser's requests are unchanged.
 */
final class ClientRequestsWithoutCsrfCookie implements CsrfTokenRepository {
    private final CsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
    private final RequestMatcher exempt;

    /** @param exempt the requests CSRF protection ignores */
    ClientRequestsWithoutCsrfCookie(RequestMatcher exempt) {
        this.exempt = exempt;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return cookies.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (!exempt.matches(request)) {
            cookies.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }
}
