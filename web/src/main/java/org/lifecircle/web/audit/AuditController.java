package org.lifecircle.web.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lifecircle.web.common.BadParameterException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins: JSON, or CSV (UTF-8 with BOM, for Excel) to keep or hand on. */
@RestController
class AuditController {
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 100_000;
    private static final MediaType CSV_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditQuery query;

    AuditController(AuditQuery query) {
        this.query = query;
    }

    @GetMapping("/api/audit")
    ResponseEntity<?> events(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "" + DEFAULT_LIMIT) int limit,
            @RequestParam(required = false, defaultValue = "json") String format) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit", "limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameterException("format", "format must be json or csv, got '" + format + "'");
        }
        List<AuditEvent> events = query.find(actor, action, time("from", from), time("to", to), limit);
        if (format.equals("json")) {
            return ResponseEntity.ok(Map.of("events", events));
        }
        return ResponseEntity.ok()
                .contentType(CSV_UTF8)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audit.csv")
                                .build()
                                .toString())
                .body(csv(events).getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime time(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    parameter, parameter + " must be an ISO 8601 time with offset, e.g. 2026-11-22T08:00:00+08:00");
        }
    }

    private static String csv(List<AuditEvent> events) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.EXCEL
                .builder()
                .setHeader("id", "at", "actor", "action", "target", "detail", "remote_addr")
                .get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (AuditEvent event : events) {
                printer.printRecord(
                        event.id(),
                        event.at(),
                        event.actor(),
                        event.action(),
                        event.target(),
                        event.detail().toString(),
                        event.remoteAddr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
