package org.endow.gateway.portal;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.endow.gateway.routing.RouteProperties;
import org.endow.platform.problem.Problem;

/**
 * The portal's calls to one service, with the signed-in person's own token: the service checks roles
 * and ownership exactly as for API clients. Answers are read as maps and lists that the templates
 * show. A feature's client extends it with its route ({@code grants}, {@code sponsors}, ...).
 */
public class ServiceClient {

    private final HttpClient client;
    private final String unavailable;

    protected ServiceClient(List<RouteProperties> routes, String route, String what) {
        this.client = RouteProperties.clientFor(routes, route);
        this.unavailable = what + " not available";
    }

    public Result get(String token, String path) {
        return exchange(HttpRequest.GET(path), token);
    }

    public Result post(String token, String path, Object body) {
        return exchange(HttpRequest.POST(path, body), token);
    }

    /** Sends bytes of the given type as the request body (an uploaded file). */
    public Result postBytes(String token, String path, byte[] content, String contentType) {
        return exchange(HttpRequest.POST(path, content).contentType(contentType), token);
    }

    /** Sends a PDF as the request body. */
    public Result postPdf(String token, String path, byte[] pdf) {
        return exchange(HttpRequest.POST(path, pdf).contentType("application/pdf"), token);
    }

    public Result put(String token, String path, Object body) {
        return exchange(HttpRequest.PUT(path, body), token);
    }

    public Result patch(String token, String path, Object body) {
        return exchange(HttpRequest.PATCH(path, body), token);
    }

    /**
     * A file the service makes (a CSV, a PDF), fetched with the person's token for the portal to hand on as a
     * download: the bytes with the service's Content-Type and Content-Disposition, or the service's problem (a
     * refusal, with its field errors), a 503 when it cannot be reached, or a 502 when the file is larger than
     * {@code maxBytes} (the portal holds a file in memory while it passes it on).
     */
    public Download download(String token, String path, int maxBytes) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        if (client == null) {
            return Download.failed(new Problem("about:blank", "Unavailable", 503, unavailable, path, List.of()));
        }
        try {
            if (token != null && !token.isBlank()) {
                request.bearerAuth(token);
            }
            io.micronaut.http.HttpResponse<byte[]> response =
                    client.toBlocking().exchange(request, Argument.of(byte[].class), Argument.of(String.class));
            byte[] content = response.getBody().orElse(new byte[0]);
            if (content.length > maxBytes) {
                return Download.failed(tooLarge(path, maxBytes));
            }
            return new Download(
                    content,
                    response.getHeaders().get("Content-Type", String.class).orElse("application/octet-stream"),
                    response.getHeaders()
                            .get("Content-Disposition", String.class)
                            .filter(d -> d.startsWith("attachment"))
                            .orElse("attachment"),
                    null);
        } catch (HttpClientResponseException e) {
            return Download.failed(problemOf(e, path));
        } catch (io.micronaut.http.client.exceptions.ContentLengthExceededException e) {
            return Download.failed(tooLarge(path, maxBytes));
        } catch (RuntimeException e) {
            return Download.failed(new Problem(
                    "about:blank", "Unavailable", 503, unavailable + " right now; please retry", path, List.of()));
        }
    }

    private static Problem tooLarge(String path, int maxBytes) {
        return new Problem(
                "about:blank",
                "File too large",
                502,
                "The file is larger than the portal passes on (at most " + (maxBytes / 1024 / 1024) + " MB)",
                path,
                List.of());
    }

    private Result exchange(MutableHttpRequest<?> request, String token) {
        if (client == null) {
            return Result.failed(
                    new Problem("about:blank", "Unavailable", 503, unavailable, request.getPath(), List.of()));
        }
        try {
            if (token != null && !token.isBlank()) {
                request.bearerAuth(token);
            }
            Object body = client.toBlocking().retrieve(request, Argument.of(Object.class), Argument.of(String.class));
            return new Result(body, null);
        } catch (HttpClientResponseException e) {
            return Result.failed(problemOf(e, request.getPath()));
        } catch (RuntimeException e) {
            return Result.failed(new Problem(
                    "about:blank",
                    "Unavailable",
                    503,
                    unavailable + " right now; please retry",
                    request.getPath(),
                    List.of()));
        }
    }

    /** The service's problem+json, read from the error body (kept as text); a plain problem when it is not one. */
    public static Problem problemOf(HttpClientResponseException e, String path) {
        java.util.Optional<String> raw = e.getResponse().getBody(String.class);
        if (raw.isPresent()) {
            try {
                Problem problem = io.micronaut.serde.ObjectMapper.getDefault().readValue(raw.get(), Problem.class);
                if (problem != null && problem.detail() != null) {
                    return problem;
                }
            } catch (java.io.IOException | RuntimeException notAProblem) {
                // fall through: not problem+json
            }
        }
        return new Problem(
                "about:blank",
                e.getStatus().getReason(),
                e.getStatus().getCode(),
                e.getStatus().getReason(),
                path,
                List.of());
    }

    /** Closes the HTTP client (a bean's is closed with the context; one made by hand, by its owner). */
    @PreDestroy
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** A file from the service with the headers to hand it on, or its problem (with field errors). */
    public record Download(byte[] content, String contentType, String disposition, Problem problem) {
        public static Download failed(Problem problem) {
            return new Download(null, null, null, problem);
        }

        public boolean ok() {
            return problem == null;
        }

        /** The file as a browser download, not to be kept in any cache. */
        public io.micronaut.http.HttpResponse<byte[]> response() {
            return io.micronaut.http.HttpResponse.ok(content)
                    .contentType(contentType)
                    .header("Content-Disposition", disposition)
                    .header("Cache-Control", "private, no-store");
        }
    }

    /** The service's answer, or its problem (with field errors). */
    public record Result(Object body, Problem problem) {
        public static Result failed(Problem problem) {
            return new Result(null, problem);
        }

        public boolean ok() {
            return problem == null;
        }

        @SuppressWarnings("unchecked") // a JSON object reads as a map of names to values
        public java.util.Map<String, Object> object() {
            return body instanceof java.util.Map<?, ?> map ? (java.util.Map<String, Object>) map : java.util.Map.of();
        }

        public List<?> list() {
            return body instanceof List<?> list ? list : List.of();
        }
    }
}
