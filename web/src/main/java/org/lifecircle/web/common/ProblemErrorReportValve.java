package org.lifecircle.web.common;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answers as problem+json. Tomcat refuses some requests before Spring sees them
 * (an encoded slash or a NUL in the path, a request line longer than the header limit) and its
 * {@link ErrorReportValve} answers those with an HTML page, which API clients cannot read. This valve
 * takes its place on the host and writes the problem details every other error of the API has. It
 * writes only when nothing has been written yet, so Spring's own error answers pass untouched.
 */
final class ProblemErrorReportValve extends ErrorReportValve {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Replaces the host's error report valves (Tomcat's, Spring Boot's) with this one. */
    static void install(Container host) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (host instanceof StandardHost standard) {
            // Else the host adds Tomcat's valve again when it starts.
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        }
        host.getPipeline().addValve(new ProblemErrorReportValve());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String message = response.getMessage();
        Map<String, Object> problem = ProblemBody.of(
                status,
                type(status),
                title,
                "The server refused the request before reading it: "
                        + (message == null || message.isBlank() ? title : message));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the answer was sent meanwhile: there is no one left to tell.
        }
    }

    private static URI type(int status) {
        return switch (status) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 500 -> ProblemTypes.INTERNAL;
            default -> ProblemTypes.BAD_PARAMETER;
        };
    }
}
