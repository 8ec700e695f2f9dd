package org.endow.platform.problem;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * Thrown by application services when a request cannot be carried out; rendered as problem+json.
 * Use the factories so that the status always matches the kind of problem.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 422: the request was well-formed but one field breaks a business rule. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    /** 409: the resource is not in a state that allows this action. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
