package org.lifecircle.web.ogc;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** An OWS 1.1 ExceptionReport, the error answer OGC clients understand (OGC 06-121r9 §8). */
public final class OwsException {
    private OwsException() {}

    /** Writes the report as the whole answer; the gateway writes to the servlet response itself. */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String locator, String text)
            throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0" xml:lang="en">
                  <ows:Exception exceptionCode="%s"%s>
                    <ows:ExceptionText>%s</ows:ExceptionText>
                  </ows:Exception>
                </ows:ExceptionReport>
                """.formatted(code, locator == null ? "" : " locator=\"" + escape(locator) + "\"", escape(text));
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_XML_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
