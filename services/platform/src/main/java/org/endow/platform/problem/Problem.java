package org.endow.platform.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title a short, human-readable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this occurrence, for a person
 * @param instance the request path
 * @param errors one entry per offending field, empty when the problem is not about input
 */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * The problem in one line, for a page to show: each invalid field with its message ({@code "field: message;
     * ..."}), or, when it is not about input, the detail (the title when there is none).
     */
    public String summary() {
        if (errors.isEmpty()) {
            return detail == null ? title : detail;
        }
        return String.join(
                "; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** One invalid input: the field's name as the client sent it (dotted path for nested fields). */
    @Serdeable
    public record FieldError(String field, String message) {}
}
