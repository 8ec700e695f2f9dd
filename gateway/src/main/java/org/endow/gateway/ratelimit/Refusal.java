package org.endow.gateway.ratelimit;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import org.endow.platform.problem.Problem;

/**
 * A request the gateway refuses before any work is done, with {@code Retry-After}: problem+json for the API and for
 * clients that do not ask for HTML, a short page for a browser on the portal.
 */
public final class Refusal {

    private Refusal() {}

    public static MutableHttpResponse<?> of(
            HttpRequest<?> request, HttpStatus status, long retryAfterSeconds, String title, String detail) {
        long seconds = Math.max(1, retryAfterSeconds);
        boolean page = request.getHeaders().accept().stream().anyMatch(type -> type.equals(MediaType.TEXT_HTML_TYPE))
                && !request.getPath().startsWith("/api/");
        MutableHttpResponse<?> response =
                HttpResponse.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (page) {
            return response.contentType(MediaType.TEXT_HTML_TYPE)
                    .body("<!doctype html><meta charset=utf-8><title>" + title + "</title>"
                            + "<link rel=stylesheet href=/static/endow.css><main class=narrow><h1>" + title + "</h1>"
                            + "<p role=alert>" + detail + "</p><p><a href=\""
                            + request.getPath().replaceAll("[^A-Za-z0-9/_-]", "") + "\">Try again</a></p></main>");
        }
        return response.contentType(Problem.MEDIA_TYPE)
                .body(new Problem(
                        "about:blank", status.getReason(), status.getCode(), detail, request.getPath(), List.of()));
    }
}
