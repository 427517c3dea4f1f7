package org.lifecircle.web.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request Spring Security's firewall refuses before any controller sees it (an encoded line
 * break, semicolon or backslash in the path) answered as problem+json like every other bad request.
 * Without it the firewall sends a bare 400 that Spring Boot's error page answers in a JSON of its
 * own. Spring Security uses this bean for every filter chain.
 */
@Component
class RejectedRequestProblems implements RequestRejectedHandler {
    private final JsonMapper json;

    RejectedRequestProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemBody.write(
                response,
                json,
                HttpStatus.BAD_REQUEST.value(),
                ProblemTypes.BAD_PARAMETER,
                "Bad request",
                e.getMessage());
    }
}
