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
 * (22003). The transaction has rolled back, so nothing changed. Every other database error stays a 500 with a
 * reference in the log.
 */
@Produces
@Singleton
@Requires(classes = {DataAccessException.class, ExceptionHandler.class})
final class StoredTextProblemHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoredTextProblemHandler.class);

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

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
