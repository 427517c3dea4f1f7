package org.lifecircle.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running service; answers parsed as JSON. It signs every request with
 * an account (HTTP Basic), the admin unless told otherwise, as a script would.
 */
public final class HttpJson {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Answer(int status, String contentType, JsonNode body) {}

    private final String base;
    /** The Authorization header, or null for an anonymous client. */
    private final String authorization;

    /** A client signed in as the tests' admin. */
    public HttpJson(int port) {
        this(port, TestAccounts.adminBasic());
    }

    private HttpJson(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public static HttpJson anonymous(int port) {
        return new HttpJson(port, null);
    }

    public static HttpJson signedIn(int port, String username, String password) {
        return new HttpJson(port, TestAccounts.basic(username, password));
    }

    public Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** A response whose body is not JSON (CSV, images): status, headers and the raw bytes. */
    public record Raw(int status, java.net.http.HttpHeaders headers, byte[] body) {}

    public Raw getRaw(String pathAndQuery) {
        return raw(request(pathAndQuery).GET().build());
    }

    /** Any method with an optional JSON body; the raw answer, whatever its type. */
    public Raw exchange(String method, String pathAndQuery, String json) {
        HttpRequest.Builder builder = request(pathAndQuery);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return raw(builder.build());
    }

    public Answer post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Answer patch(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Raw raw(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), type, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
