package org.endow.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under overload every database connection can be busy for longer than the pool waits. Nothing was done, so the
 * client is told to retry (503 with {@code Retry-After}) rather than given a 500 it cannot act on.
 */
@Produces
@Singleton
@Requires(classes = {CannotGetJdbcConnectionException.class, ExceptionHandler.class})
final class BusyDatabaseProblemHandler
        implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(BusyDatabaseProblemHandler.class);

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        LOG.warn(
                "No database connection for {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return retryLater(request, "The service is busy; nothing was changed. Retry in a moment.");
    }

    /** 503 with {@code Retry-After: 1}: the client may send the same request again. */
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler declares a raw HttpRequest
    static HttpResponse<Problem> retryLater(HttpRequest request, String detail) {
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(new Problem("about:blank", "Service Unavailable", 503, detail, request.getPath(), List.of()))
                .contentType(Problem.MEDIA_TYPE);
    }
}
