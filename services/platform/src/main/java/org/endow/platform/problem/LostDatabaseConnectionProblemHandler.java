package org.endow.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the database restarts, a pooled connection may turn out to be closed when a transaction starts on it
 * ({@link ConnectionException}): the transaction never began, so the client is told to retry (503 with
 * {@code Retry-After}) rather than given a 500. Found by the fault matrix ({@code FaultMatrixIT}).
 */
@Produces
@Singleton
@Requires(classes = {ConnectionException.class, ExceptionHandler.class})
final class LostDatabaseConnectionProblemHandler
        implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(LostDatabaseConnectionProblemHandler.class);

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, ConnectionException exception) {
        LOG.warn(
                "Database connection lost for {} {}: {}",
                request.getMethod(),
                request.getPath(),
                exception.getMessage());
        return BusyDatabaseProblemHandler.retryLater(
                request, "The database could not be reached; nothing was changed. Retry in a moment.");
    }
}
