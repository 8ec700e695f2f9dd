package org.endow.platform.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.serde.exceptions.InvalidPropertyFormatException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error the framework raises (validation, malformed JSON, unknown route, wrong media
 * type, 401/403 from security, unexpected exceptions) as problem+json, naming the offending field.
 * Unexpected exceptions never leak their message: the client gets a reference that is in the log.
 */
@Singleton
@Replaces(named = "io.micronaut.http.server.exceptions.response.DefaultJsonErrorResponseBodyProvider")
final class ProblemJsonErrorResponseBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemJsonErrorResponseBodyProvider.class);

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String title = HttpStatus.valueOf(status).getReason();
        String path = context.getRequest().getPath();
        if (status >= 500) {
            String reference = UUID.randomUUID().toString();
            context.getRootCause()
                    .ifPresentOrElse(
                            cause -> LOG.error(
                                    "Unexpected error {} on {} {}",
                                    reference,
                                    context.getRequest().getMethod(),
                                    path,
                                    cause),
                            () -> LOG.error(
                                    "Error {} ({}) on {} {}",
                                    reference,
                                    status,
                                    context.getRequest().getMethod(),
                                    path));
            return new Problem(
                    "about:blank", title, status, "Unexpected error; quote reference " + reference, path, List.of());
        }
        List<Problem.FieldError> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        InvalidPropertyFormatException badProperty = find(context.getRootCause(), InvalidPropertyFormatException.class);
        if (badProperty != null) {
            String field = badProperty.getArgument().getName();
            String message = "must be a " + describe(badProperty.getArgument().getType());
            return new Problem(
                    "about:blank",
                    title,
                    status,
                    field + ": " + message,
                    path,
                    List.of(new Problem.FieldError(field, message)));
        }
        for (Error error : context.getErrors()) {
            String message = sanitize(error.getMessage());
            if (error.getPath().isPresent() && !error.getPath().get().startsWith("/")) {
                fields.add(new Problem.FieldError(fieldName(error.getPath().get()), message));
            } else {
                messages.add(message);
            }
        }
        String detail = fields.isEmpty()
                ? String.join("; ", messages)
                : fields.stream()
                        .map(f -> f.field() + ": " + f.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("");
        if (detail.isBlank()) {
            detail = title;
        }
        return new Problem("about:blank", title, status, detail, path, fields);
    }

    private static <T extends Throwable> T find(java.util.Optional<Throwable> root, Class<T> type) {
        for (Throwable t = root.orElse(null); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "value of type " + type.getSimpleName();
    }

    /** Parser messages carry source positions and newlines that mean nothing to a client. */
    static String sanitize(String message) {
        if (message == null) {
            return "";
        }
        int source = message.indexOf("\n at [Source");
        String clean = source >= 0 ? message.substring(0, source) : message;
        // "Failed to convert argument [request] for value [null] due to: <the reason>"
        int dueTo = clean.startsWith("Failed to convert argument") ? clean.indexOf(" due to: ") : -1;
        if (dueTo >= 0) {
            clean = "the request body could not be read: " + clean.substring(dueTo + " due to: ".length());
        }
        return clean.replace('\n', ' ').strip();
    }

    @Override
    public String contentType() {
        return Problem.MEDIA_TYPE;
    }

    /**
     * Constraint paths look like {@code pledge.request.amountMinor}: the controller method, the
     * parameter, then the field. The client knows only the field.
     */
    static String fieldName(String path) {
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
