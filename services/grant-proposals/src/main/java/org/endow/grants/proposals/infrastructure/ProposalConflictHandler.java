package org.endow.grants.proposals.infrastructure;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.grants.proposals.model.ProposalConflict;
import org.endow.platform.problem.Problem;

/** A step the proposal's state does not allow: 409 with the reason, as problem+json. */
@Produces
@Singleton
class ProposalConflictHandler implements ExceptionHandler<ProposalConflict, HttpResponse<Problem>> {

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, ProposalConflict exception) {
        MutableHttpResponse<Problem> response = HttpResponse.status(HttpStatus.CONFLICT);
        return response.body(new Problem(
                        "about:blank", "Conflict", 409, exception.getMessage(), request.getPath(), List.of()))
                .contentType(Problem.MEDIA_TYPE);
    }
}
