package org.endow.gateway.portal.grants;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.gateway.routing.RouteProperties;
import org.endow.platform.problem.Problem;

/**
 * The portal's calls to the grant-proposals service, with the signed-in person's own token: the
 * service checks roles and ownership exactly as for API clients. Answers are read as maps and lists
 * that the templates show.
 */
@Singleton
class GrantsClient {

    private final HttpClient client;

    GrantsClient(List<RouteProperties> routes) {
        this.client = RouteProperties.clientFor(routes, "grants");
    }

    Result get(String token, String path) {
        return exchange(HttpRequest.GET(path), token);
    }

    Result post(String token, String path, Object body) {
        return exchange(HttpRequest.POST(path, body), token);
    }

    /** Sends a PDF as the request body. */
    Result postPdf(String token, String path, byte[] pdf) {
        return exchange(HttpRequest.POST(path, pdf).contentType("application/pdf"), token);
    }

    Result put(String token, String path, Object body) {
        return exchange(HttpRequest.PUT(path, body), token);
    }

    private Result exchange(MutableHttpRequest<?> request, String token) {
        if (client == null) {
            return Result.failed(new Problem(
                    "about:blank", "Unavailable", 503, "Grants are not available", request.getPath(), List.of()));
        }
        try {
            Object body = client.toBlocking().retrieve(request.bearerAuth(token), Argument.of(Object.class));
            return new Result(body, null);
        } catch (HttpClientResponseException e) {
            Problem problem = e.getResponse()
                    .getBody(Problem.class)
                    .orElse(new Problem(
                            "about:blank",
                            e.getStatus().getReason(),
                            e.getStatus().getCode(),
                            e.getMessage(),
                            request.getPath(),
                            List.of()));
            return Result.failed(problem);
        } catch (RuntimeException e) {
            return Result.failed(new Problem(
                    "about:blank",
                    "Unavailable",
                    503,
                    "Grants are not available right now; please retry",
                    request.getPath(),
                    List.of()));
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** The service's answer, or its problem (with field errors). */
    record Result(Object body, Problem problem) {
        static Result failed(Problem problem) {
            return new Result(null, problem);
        }

        boolean ok() {
            return problem == null;
        }

        @SuppressWarnings("unchecked") // a JSON object reads as a map of names to values
        java.util.Map<String, Object> object() {
            return body instanceof java.util.Map<?, ?> map ? (java.util.Map<String, Object>) map : java.util.Map.of();
        }

        List<?> list() {
            return body instanceof List<?> list ? list : List.of();
        }
    }
}
