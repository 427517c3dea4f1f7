package org.lifecircle.web.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.BAD_PARAMETER.toString());
        body.put("title", "Bad request");
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("detail", e.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
