package org.lifecircle.web.ogc;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An OWS 1.1 ExceptionReport, the error answer OGC clients understand (OGC 06-121r9 §8). */
final class OwsException {
    private OwsException() {}

    static ResponseEntity<byte[]> report(HttpStatus status, String code, String locator, String text) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0" xml:lang="en">
                  <ows:Exception exceptionCode="%s"%s>
                    <ows:ExceptionText>%s</ows:ExceptionText>
                  </ows:Exception>
                </ows:ExceptionReport>
                """.formatted(code, locator == null ? "" : " locator=\"" + escape(locator) + "\"", escape(text));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_XML)
                .body(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
