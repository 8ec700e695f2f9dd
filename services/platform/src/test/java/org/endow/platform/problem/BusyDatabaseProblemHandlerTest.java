package org.endow.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

class BusyDatabaseProblemHandlerTest {

    @Test
    void an_exhausted_connection_pool_tells_the_client_to_retry() {
        HttpResponse<Problem> response = new BusyDatabaseProblemHandler()
                .handle(
                        HttpRequest.POST("/api/donations/pledges", "{}"),
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertEquals(503, response.code());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertEquals(
                "application/problem+json",
                response.getContentType().orElseThrow().toString());
        assertTrue(response.body().detail().contains("nothing was changed"));
    }
}
