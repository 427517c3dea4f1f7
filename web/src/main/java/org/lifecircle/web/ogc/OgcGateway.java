package org.lifecircle.web.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
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
 * exceptions. The marker host in capabilities becomes the public URL
 * the client used.
 */
@RestController
class OgcGateway {
    private static final Logger LOG = LoggerFactory.getLogger(OgcGateway.class);
    private static final String MAP_NAME = "lifecircle";
    private static final List<String> IMAGE_REQUESTS = List.of("getmap", "getlegendgraphic");
    private static final java.util.regex.Pattern COLLECTION =
            java.util.regex.Pattern.compile("^/collections/([a-z][a-z0-9_]*)");
    private static final java.util.regex.Pattern BUILD_COMMENT =
            java.util.regex.Pattern.compile("<!-- MapServer version [^>]*-->\\s*");

    private final OgcProperties properties;
    private final SubstitutionGuard guard;
    private final HttpClient client;

    OgcGateway(OgcProperties properties, LayerCatalog catalog) {
        this.properties = properties;
        this.guard = new SubstitutionGuard(catalog.layers());
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @RequestMapping(
            value = "/ogc",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> ows(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        if (!properties.enabled()) {
            return notRunning();
        }
        boolean isPost = "POST".equals(request.getMethod());
        List<String[]> parameters;
        List<String[]> substituted;
        try {
            parameters = queryParameters(request.getQueryString());
            substituted = new ArrayList<>(parameters);
            if (isPost && body != null && isForm(request.getContentType())) {
                // MapServer reads a form-encoded POST body as parameters, runtime substitutions included.
                substituted.addAll(queryParameters(new String(body, StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException e) {
            return OwsException.report(
                    HttpStatus.BAD_REQUEST, "InvalidParameterValue", null, "Malformed query string: " + e.getMessage());
        }
        if (!isPost && value(parameters, "service") == null) {
            return OwsException.report(
                    HttpStatus.BAD_REQUEST,
                    "MissingParameterValue",
                    "service",
                    "SERVICE is required: WMS or WFS (OGC API Features lives under /ogc/api)");
        }
        ResponseEntity<byte[]> refused = refuse(guard.check(substituted, null));
        if (refused != null) {
            return refused;
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
        return forward(request, target, isPost ? body : null, wantsImage);
    }

    @RequestMapping(value = "/ogc/api/**", method = RequestMethod.GET)
    ResponseEntity<byte[]> features(HttpServletRequest request) {
        if (!properties.enabled()) {
            return notRunning();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/ogc/api".length());
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        java.util.regex.Matcher collection = COLLECTION.matcher(path);
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
            return ResponseEntity.badRequest()
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(json.getBytes(StandardCharsets.UTF_8));
        }
        URI target = URI.create(properties.mapserverUrl() + "/" + MAP_NAME + "/ogcapi" + path + query);
        return forward(request, target, null, false);
    }

    private ResponseEntity<byte[]> forward(HttpServletRequest request, URI target, byte[] body, boolean wantsImage) {
        try {
            HttpResponse<byte[]> response = send(request, target, body);
            if (wantsImage && isXml(contentType(response))) {
                LOG.info("MapServer answered an image request with XML; trying once more");
                response = send(request, target, body);
            }
            return answer(response);
        } catch (IOException e) {
            LOG.warn("MapServer at {} unreachable: {}", properties.mapserverUrl(), e.getMessage());
            return notRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRunning();
        }
    }

    private HttpResponse<byte[]> send(HttpServletRequest request, URI target, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(target).timeout(Duration.ofMillis(properties.timeoutMillis()));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            builder.header(HttpHeaders.ACCEPT, accept);
        }
        if (body != null) {
            String type = request.getContentType();
            builder.header(HttpHeaders.CONTENT_TYPE, type == null ? "application/xml" : type);
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.GET();
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private ResponseEntity<byte[]> answer(HttpResponse<byte[]> response) {
        String type = contentType(response);
        byte[] body = response.body();
        if (isTextual(type)) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (type.startsWith("text/html") && text.contains("<TITLE>MapServer Message</TITLE>")) {
                return OwsException.report(
                        HttpStatus.BAD_REQUEST, "InvalidParameterValue", null, mapServerMessage(text));
            }
            String publicBase =
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            // MapServer signs its XML with its build details: nobody outside needs them.
            text = BUILD_COMMENT.matcher(text).replaceFirst("");
            body = text.replace(MapfileWriter.PUBLIC_URL_MARKER, publicBase).getBytes(StandardCharsets.UTF_8);
        }
        HttpStatus status = HttpStatus.resolve(response.statusCode());
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(status == null || status.is5xxServerError() ? HttpStatus.BAD_GATEWAY : status);
        if (!type.isEmpty()) {
            builder.header(HttpHeaders.CONTENT_TYPE, type);
        }
        response.headers()
                .firstValue(HttpHeaders.CONTENT_DISPOSITION)
                .ifPresent(v -> builder.header(HttpHeaders.CONTENT_DISPOSITION, v));
        return builder.body(body);
    }

    /** The message of MapServer's HTML error page, without the page and its build details. */
    private static String mapServerMessage(String html) {
        String text = html.replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("MapServer Message", "");
        text = text.replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "The request could not be answered" : text;
    }

    private static ResponseEntity<byte[]> refuse(SubstitutionGuard.Refusal refusal) {
        return refusal == null
                ? null
                : OwsException.report(
                        HttpStatus.BAD_REQUEST, "InvalidParameterValue", refusal.parameter(), refusal.message());
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

    private static ResponseEntity<byte[]> notRunning() {
        return OwsException.report(
                HttpStatus.SERVICE_UNAVAILABLE,
                "NoApplicableCode",
                null,
                "The OGC services are not running; start them with scripts/run.sh (or scripts/ogc.sh start)");
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("");
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
