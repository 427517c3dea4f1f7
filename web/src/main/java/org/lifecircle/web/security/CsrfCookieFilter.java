package org.lifecircle.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends the CSRF cookie ({@code XSRF-TOKEN}) with every page, so the sign-in form and the map page
 * can echo it in {@code X-XSRF-TOKEN}. Spring Security creates the token lazily, which a static page
 * never triggers by itself (Spring Security reference, "Single-Page Applications").
 */
final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = AuthenticationProblems.path(request);
        return !"GET".equals(request.getMethod()) || path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
