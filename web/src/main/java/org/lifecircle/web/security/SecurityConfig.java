package org.lifecircle.web.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.CachingUserDetailsService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what (see {@link Role}). Browsers sign in on {@code /login.html} and carry a session
 * cookie, guarded by a CSRF token; scripts and GIS clients send HTTP Basic with every request and
 * need no token. OGC reads are anonymous only when {@code lifecircle.security.ogc-anonymous} says
 * so.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {
    /**
     * Map clients ({@code /ogc}, {@code /tiles}): QGIS, GDAL and the web map fetch images, features
     * and tiles, and change nothing (MapServer has no WFS-T). They sign in with HTTP Basic or, from
     * the map page, with its session. This chain has only what that needs — no CSRF token, sign-in
     * form, sign-out or saved request — since every map tile passes it: with the full chain below,
     * the security filters were about a quarter of the service's CPU time on a map request.
     */
    @Bean
    @Order(1)
    SecurityFilterChain mapClientChain(
            HttpSecurity http, SecurityProperties properties, AuthenticationProblems problems) throws Exception {
        http.securityMatcher("/ogc", "/ogc/**", "/tiles/**");
        http.authorizeHttpRequests(requests -> {
            // The published OGC schemas, so a validator fetches them without an account.
            requests.requestMatchers("/ogc/schemas/**").permitAll();
            if (properties.ogcAnonymous()) {
                requests.anyRequest().permitAll();
            } else {
                requests.anyRequest().hasRole("VIEWER");
            }
        });
        http.httpBasic(basic -> basic.realmName(AuthenticationProblems.REALM).authenticationEntryPoint(problems));
        http.csrf(csrf -> csrf.disable());
        http.logout(logout -> logout.disable());
        http.requestCache(cache -> cache.disable());
        http.servletApi(servletApi -> servletApi.disable());
        http.exceptionHandling(
                exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Everything else: the pages, the API and the sign-in. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationProblems problems) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(
                            AuthenticationProblems.LOGIN_PAGE,
                            "/login",
                            "/css/**",
                            "/js/**",
                            "/webjars/**",
                            "/favicon.ico",
                            "/error",
                            "/actuator/health/**",
                            "/api/ui/messages/**")
                    .permitAll();
            requests.requestMatchers("/api/accounts", "/api/accounts/**", "/api/audit")
                    .hasRole("ADMIN");
            requests.requestMatchers(POST, "/api/imports/**", "/api/plans/*/adopt")
                    .hasRole("ADMIN");
            requests.requestMatchers(POST, "/api/coverage/what-if", "/api/me/password")
                    .hasRole("VIEWER");
            requests.requestMatchers(POST, "/api/**").hasRole("PLANNER");
            requests.requestMatchers(PUT, "/api/**").hasRole("PLANNER");
            requests.requestMatchers(PATCH, "/api/**").hasRole("PLANNER");
            requests.requestMatchers(DELETE, "/api/**").hasRole("PLANNER");
            requests.anyRequest().hasRole("VIEWER");
        });
        http.httpBasic(basic -> basic.realmName(AuthenticationProblems.REALM).authenticationEntryPoint(problems));
        http.formLogin(form -> form.loginPage(AuthenticationProblems.LOGIN_PAGE)
                .loginProcessingUrl("/login")
                .defaultSuccessUrl("/", true)
                .failureUrl(AuthenticationProblems.LOGIN_PAGE + "?error"));
        http.logout(logout ->
                logout.logoutUrl("/logout").logoutSuccessUrl(AuthenticationProblems.LOGIN_PAGE + "?signed-out"));
        // A cross-site form cannot set Authorization, and a browser posting cross-site always sends
        // Origin: Basic without Origin is a script.
        RequestMatcher script = SecurityConfig::isScript;
        http.csrf(csrf -> csrf.spa()
                .csrfTokenRepository(new ClientRequestsWithoutCsrfCookie(script))
                .ignoringRequestMatchers(script));
        http.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        // Nothing is remembered for after sign-in: the map page is where everyone starts.
        http.requestCache(cache -> cache.requestCache(new NullRequestCache()));
        http.exceptionHandling(
                exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    private static boolean isScript(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getHeader("Origin") == null;
    }

    /** The refusals of both chains: problem+json, an OWS exception under /ogc, or the sign-in page. */
    @Bean
    AuthenticationProblems authenticationProblems(JsonMapper json) {
        return new AuthenticationProblems(json);
    }

    /**
     * No Micrometer observations of the security filters, authentications and authorizations: they
     * wrapped each of the chain's ~15 filters and registered meters on every request, for traces
     * nobody collects. Requests are still timed as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_PLANNER
                ROLE_PLANNER > ROLE_VIEWER
                """);
    }

    /**
     * Accounts from {@code app_account} (V006), read by Spring Security's own JDBC loader and kept
     * for a while in {@link RecentAccounts}.
     */
    @Bean
    UserDetailsService userDetailsService(DataSource dataSource, RecentAccounts recent) {
        JdbcDaoImpl accounts = new JdbcDaoImpl();
        accounts.setDataSource(dataSource);
        accounts.setUsersByUsernameQuery("SELECT username, password_hash, enabled FROM app_account WHERE username = ?");
        accounts.setAuthoritiesByUsernameQuery(
                "SELECT username, 'ROLE_' || upper(role) FROM app_account WHERE username = ?");
        CachingUserDetailsService cached = new CachingUserDetailsService(accounts);
        cached.setUserCache(recent);
        return cached;
    }
}
