package org.lifecircle.web.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem written straight to the servlet response, for the answers given before Spring
 * MVC's {@code ProblemHandler} can: security filters, the request firewall, Tomcat's error page.
 */
public final class ProblemBody {
    private ProblemBody() {}

    /** The members every problem of the service carries. */
    public static Map<String, Object> of(int status, URI type, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    public static void write(
            HttpServletResponse response, JsonMapper json, int status, URI type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(of(status, type, title, detail)));
    }
}
