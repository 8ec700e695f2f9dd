package org.endow.platform.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's ExceptionHandler declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        Problem problem = new Problem(
                "about:blank",
                exception.title(),
                exception.status().getCode(),
                exception.getMessage(),
                request.getPath(),
                exception.errors());
        MutableHttpResponse<Problem> response = HttpResponse.status(exception.status());
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
