package org.endow.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Input that passed validation but that PostgreSQL cannot store as given is the client's error, not the server's: a
 * NUL character in text (SQLSTATE 22021, 22P05), a value too long for its column (22001), a number out of range
 * (22003). The transaction has rolled back, so nothing changed.
 *
 * <p>A failure that passes by itself is a 503 with {@code Retry-After} (issue #8's fault matrix): the connection
 * lost in the middle of a transaction (SQLSTATE class 08), the server shutting down or not yet accepting connections
 * (57P01–57P03), no connection slot left (53300), a deadlock or serialization failure between concurrent
 * transactions (40P01, 40001) or a lock that could not be taken (55P03). PostgreSQL rolled the transaction back, so
 * the same request sent again (with its idempotency key, where it has one) is safe. Every other database error stays
 * a 500 with a reference in the log.
 */
@Produces
@Singleton
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
final class DatabaseErrorProblemHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrorProblemHandler.class);

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        String state = sqlState(exception);
        String detail = switch (state == null ? "" : state) {
            case "22021", "22P05" -> "Text must not contain NUL characters (\\u0000) or invalid characters";
            case "22001" -> "A value is longer than allowed";
            case "22003" -> "A number is out of range";
            default -> null;
        };
        if (transientState(state)) {
            LOG.warn(
                    "Transient database failure (SQLSTATE {}) on {} {}: {}",
                    state,
                    request.getMethod(),
                    request.getPath(),
                    exception.getMessage());
            return BusyDatabaseProblemHandler.retryLater(
                    request,
                    "The database was briefly unavailable or this change collided with another; nothing was changed."
                            + " Retry in a moment.");
        }
        if (detail != null) {
            return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST)
                    .body(new Problem("about:blank", "Bad Request", 400, detail, request.getPath(), List.of()))
                    .contentType(Problem.MEDIA_TYPE);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error(
                "Unexpected database error {} on {} {}", reference, request.getMethod(), request.getPath(), exception);
        return HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new Problem(
                        "about:blank",
                        "Internal Server Error",
                        500,
                        "Unexpected error; quote reference " + reference,
                        request.getPath(),
                        List.of()))
                .contentType(Problem.MEDIA_TYPE);
    }

    static boolean transientState(String state) {
        if (state == null) {
            return false;
        }
        return state.startsWith("08")
                || switch (state) {
                    case "40001", "40P01", "53300", "55P03", "57P01", "57P02", "57P03" -> true;
                    default -> false;
                };
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
