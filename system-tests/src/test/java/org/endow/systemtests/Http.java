package org.endow.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for driving the stack from outside, as a client would. */
final class Http {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /** A GET accepting any type (a PDF, a CSV): what a browser's download sends. */
    Response getAny(String path, String token) {
        return send(request(path, token).setHeader("Accept", "*/*").GET().build());
    }

    Response postJson(String path, String body, String token) {
        return postJson(path, body, token, Map.of());
    }

    Response postJson(String path, String body, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    Response send(String method, String path, String json, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        String field(String name) {
            JsonNode value = json().get(name);
            return value == null || value.isNull() ? null : value.asText();
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
