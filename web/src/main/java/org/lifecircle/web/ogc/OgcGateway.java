package org.lifecircle.web.ogc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /ogc}: the public face of the private MapServer. Forwards WMS/WFS requests (GET and POST)
 * and OGC API Features ({@code /ogc/api/…}) unchanged except for the map name, and answers itself
 * where MapServer would answer badly: a request without SERVICE gets an OWS exception (MapServer
 * would answer an HTML page with build details), an image request that comes back as XML is tried
 * once more (a worker's first request after a database restart fails that way), a runtime
 * substitution value that fails its layer's validation is refused (MapServer would quietly use the
 * default instead, see {@link SubstitutionGuard}), and MapServer's HTML error pages become OWS
 * exceptions. The marker host in capabilities becomes the public URL the client used.
 *
 * <p>IMPLEMENTATION NOTE (latency, bench/results/ogc.md: the gateway should add less than 3 ms to
 * a map request). MapServer is called with a blocking {@link HttpURLConnection} on the servlet
 * thread; the JDK keeps the connection to lighttpd alive between requests. The {@code
 * java.net.http.HttpClient} used before passed every exchange from the servlet thread to its
 * selector thread and an executor thread and back, and took 1.5 ms of CPU per 25 kB GetMap against
 * 0.4 ms for HttpURLConnection (both measured alone against lighttpd): on two cores shared with
 * MapServer and PostgreSQL, CPU time and thread hand-offs are latency. Answers are written to the
 * servlet response directly instead of as a {@code ResponseEntity<byte[]>} through message
 * conversion: images and other binary bodies stream through with MapServer's Content-Length and
 * are never decoded; only textual answers (capabilities, GML, JSON, error pages) are read whole,
 * since they may need the URL rewriting or become an OWS exception. Thread-safe: no mutable state.
 */
@RestController
class OgcGateway {
    private static final Logger LOG = LoggerFactory.getLogger(OgcGateway.class);
    private static final String MAP_NAME = "lifecircle";
    private static final List<String> IMAGE_REQUESTS = List.of("getmap", "getlegendgraphic");
    private static final Pattern COLLECTION = Pattern.compile("^/collections/([a-z][a-z0-9_]*)");
    private static final Pattern BUILD_COMMENT = Pattern.compile("<!-- MapServer version [^>]*-->\\s*");
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final OgcProperties properties;
    private final SubstitutionGuard guard;

    OgcGateway(OgcProperties properties, LayerCatalog catalog) {
        this.properties = properties;
        this.guard = new SubstitutionGuard(catalog.layers());
    }

    @RequestMapping(
            value = "/ogc",
            method = {RequestMethod.GET, RequestMethod.POST})
    void ows(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!properties.enabled()) {
            notRunning(response);
            return;
        }
        boolean isPost = "POST".equals(request.getMethod());
        // Read here rather than as a @RequestBody: a GET then costs no message conversion. Nothing
        // before this handler reads the parameters of /ogc, so a form POST's body is still unread.
        // An empty POST goes on as a GET, as it did with @RequestBody(required = false).
        byte[] body = isPost ? request.getInputStream().readAllBytes() : null;
        if (body != null && body.length == 0) {
            body = null;
        }
        List<String[]> parameters;
        List<String[]> substituted;
        try {
            parameters = queryParameters(request.getQueryString());
            substituted = parameters;
            if (body != null && isForm(request.getContentType())) {
                // MapServer reads a form-encoded POST body as parameters, runtime substitutions included.
                substituted = new ArrayList<>(parameters);
                substituted.addAll(queryParameters(new String(body, StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException e) {
            OwsException.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "InvalidParameterValue",
                    null,
                    "Malformed query string: " + e.getMessage());
            return;
        }
        if (!isPost && value(parameters, "service") == null) {
            OwsException.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "MissingParameterValue",
                    "service",
                    "SERVICE is required: WMS or WFS (OGC API Features lives under /ogc/api)");
            return;
        }
        SubstitutionGuard.Refusal refusal = guard.check(substituted, null);
        if (refusal != null) {
            OwsException.write(
                    response, HttpStatus.BAD_REQUEST, "InvalidParameterValue", refusal.parameter(), refusal.message());
            return;
        }
        StringBuilder query = new StringBuilder("map=").append(MAP_NAME);
        for (String[] parameter : parameters) {
            if (!parameter[0].equalsIgnoreCase("map")) {
                query.append('&').append(parameter[2]);
            }
        }
        URI target = URI.create(properties.mapserverUrl() + "?" + query);
        String operation = value(parameters, "request");
        boolean wantsImage = operation != null && IMAGE_REQUESTS.contains(operation.toLowerCase(Locale.ROOT));
        forward(request, response, target, body, wantsImage);
    }

    @RequestMapping(value = "/ogc/api/**", method = RequestMethod.GET)
    void features(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!properties.enabled()) {
            notRunning(response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/ogc/api".length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        Matcher collection = COLLECTION.matcher(path);
        SubstitutionGuard.Refusal refusal;
        try {
            refusal = guard.check(
                    queryParameters(request.getQueryString()), collection.find() ? collection.group(1) : null);
        } catch (IllegalArgumentException e) {
            refusal = new SubstitutionGuard.Refusal(null, "Malformed query string: " + e.getMessage());
        }
        if (refusal != null) {
            // OGC API Features answers errors as JSON {code, description} (OGC 17-069r4, 7.5.1), as MapServer does.
            String json =
                    "{\"code\":\"InvalidParameterValue\",\"description\":\"" + jsonEscape(refusal.message()) + "\"}";
            write(response, HttpStatus.BAD_REQUEST.value(), MediaType.APPLICATION_JSON_VALUE, json);
            return;
        }
        URI target = URI.create(properties.mapserverUrl() + "/" + MAP_NAME + "/ogcapi" + path + query);
        forward(request, response, target, null, false);
    }

    private void forward(
            HttpServletRequest request, HttpServletResponse response, URI target, byte[] body, boolean wantsImage)
            throws IOException {
        HttpURLConnection upstream;
        String type;
        String text = null;
        try {
            upstream = send(request, target, body);
            type = contentType(upstream);
            if (wantsImage && isXml(type)) {
                LOG.info("MapServer answered an image request with XML; trying once more");
                readText(upstream);
                upstream = send(request, target, body);
                type = contentType(upstream);
            }
            if (isTextual(type)) {
                text = readText(upstream);
            }
        } catch (IOException e) {
            LOG.warn("MapServer at {} unreachable: {}", properties.mapserverUrl(), e.getMessage());
            notRunning(response);
            return;
        }
        int status = status(upstream.getResponseCode());
        if (text == null) {
            stream(upstream, response, status, type);
        } else if (type.startsWith("text/html") && text.contains("<TITLE>MapServer Message</TITLE>")) {
            OwsException.write(response, HttpStatus.BAD_REQUEST, "InvalidParameterValue", null, mapServerMessage(text));
        } else {
            String publicBase =
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            // MapServer signs its XML with its build details: nobody outside needs them.
            text = BUILD_COMMENT.matcher(text).replaceFirst("");
            copyDisposition(upstream, response);
            write(response, status, type, text.replace(MapfileWriter.PUBLIC_URL_MARKER, publicBase));
        }
    }

    private HttpURLConnection send(HttpServletRequest request, URI target, byte[] body) throws IOException {
        // NO_PROXY and no redirects, as the java.net.http client did: MapServer is ours and local.
        HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection(Proxy.NO_PROXY);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(properties.timeoutMillis());
        // Without an Accept of its own HttpURLConnection sends "text/html, …", and MapServer's OGC
        // API would answer HTML where the client (sending none) expects JSON.
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        connection.setRequestProperty(HttpHeaders.ACCEPT, accept == null ? MediaType.ALL_VALUE : accept);
        if (body != null) {
            String type = request.getContentType();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty(HttpHeaders.CONTENT_TYPE, type == null ? "application/xml" : type);
            try (var out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        connection.getResponseCode(); // the exchange happens here, so its failures surface here
        return connection;
    }

    /**
     * Copies a binary answer (an image, a zipped shapefile …) as it arrives. Once the first bytes
     * are out there is no way to answer an error instead: a broken upstream or a client that hung
     * up ends the response short of its Content-Length, which the client notices.
     */
    private void stream(HttpURLConnection upstream, HttpServletResponse response, int status, String type) {
        response.setStatus(status);
        if (!type.isEmpty()) {
            response.setContentType(type);
        }
        copyDisposition(upstream, response);
        long length = upstream.getContentLengthLong();
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        try (InputStream in = bodyOf(upstream)) {
            if (in != null) {
                in.transferTo(response.getOutputStream());
            }
        } catch (IOException e) {
            LOG.debug("Streaming MapServer's answer stopped: {}", e.getMessage());
        }
    }

    /** The whole body as UTF-8; reading it to the end lets the JDK reuse the connection. */
    private static String readText(HttpURLConnection upstream) throws IOException {
        try (InputStream in = bodyOf(upstream)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream bodyOf(HttpURLConnection upstream) throws IOException {
        return upstream.getResponseCode() >= 400 ? upstream.getErrorStream() : upstream.getInputStream();
    }

    /** MapServer's own status, except that its failures are a bad gateway, not ours. */
    private static int status(int upstream) {
        HttpStatus status = HttpStatus.resolve(upstream);
        return (status == null || status.is5xxServerError() ? HttpStatus.BAD_GATEWAY : status).value();
    }

    private static void copyDisposition(HttpURLConnection upstream, HttpServletResponse response) {
        String disposition = upstream.getHeaderField(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
    }

    private static void write(HttpServletResponse response, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (!type.isEmpty()) {
            response.setContentType(type);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The message of MapServer's HTML error page, without the page and its build details. */
    private static String mapServerMessage(String html) {
        String text = html.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("MapServer Message", "");
        text = text.replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "The request could not be answered" : text;
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void notRunning(HttpServletResponse response) throws IOException {
        OwsException.write(
                response,
                HttpStatus.SERVICE_UNAVAILABLE,
                "NoApplicableCode",
                null,
                "The OGC services are not running; start them with scripts/run.sh (or scripts/ogc.sh start)");
    }

    private static String contentType(HttpURLConnection upstream) {
        String type = upstream.getContentType();
        return type == null ? "" : type;
    }

    private static boolean isXml(String type) {
        return type.contains("xml");
    }

    private static boolean isTextual(String type) {
        return type.startsWith("text/") || type.contains("xml") || type.contains("json");
    }

    /** Query parameters in order as {decoded name, decoded value, raw "name=value"}. */
    private static List<String[]> queryParameters(String query) {
        List<String[]> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String raw : query.split("&")) {
            if (raw.isEmpty()) {
                continue;
            }
            int eq = raw.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? raw : raw.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(raw.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.add(new String[] {name, value, raw});
        }
        return parameters;
    }

    private static String value(List<String[]> parameters, String name) {
        for (String[] parameter : parameters) {
            if (parameter[0].equalsIgnoreCase(name)) {
                return parameter[1];
            }
        }
        return null;
    }
}
