package org.endow.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every database failure a client can retry is a 503 with Retry-After; the others are not. */
class DatabaseErrorProblemHandlerTest {

    final DatabaseErrorProblemHandler handler = new DatabaseErrorProblemHandler();

    static DataAccessException failing(String sqlState) {
        return new DataAccessException("Error executing PERSIST", new SQLException("server said no", sqlState));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08003", "08001", "40001", "40P01", "53300", "55P03", "57P01", "57P03"})
    void a_failure_that_passes_by_itself_tells_the_client_to_retry(String sqlState) {
        assertTellsToRetry(handler.handle(HttpRequest.POST("/api/donations/pledges", "{}"), failing(sqlState)));
    }

    @Test
    void an_exhausted_connection_pool_tells_the_client_to_retry() {
        assertTellsToRetry(new BusyDatabaseProblemHandler()
                .handle(
                        HttpRequest.POST("/api/donations/pledges", "{}"),
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")));
    }

    @Test
    void a_connection_lost_before_the_transaction_began_tells_the_client_to_retry() {
        assertTellsToRetry(new LostDatabaseConnectionProblemHandler()
                .handle(
                        HttpRequest.POST("/api/donations/pledges", "{}"),
                        new io.micronaut.data.connection.exceptions.ConnectionException("connection closed")));
    }

    static void assertTellsToRetry(HttpResponse<Problem> response) {
        assertEquals(503, response.code());
        assertEquals("1", response.getHeaders().get("Retry-After"));
        assertEquals(
                "application/problem+json",
                response.getContentType().orElseThrow().toString());
        assertTrue(
                response.body().detail().contains("nothing was changed"),
                response.body().detail());
    }

    @Test
    void text_the_database_cannot_store_is_the_clients_error() {
        HttpResponse<Problem> response = handler.handle(HttpRequest.POST("/api/x", "{}"), failing("22021"));

        assertEquals(400, response.code());
        assertFalse(response.getHeaders().contains("Retry-After"));
    }

    @Test
    void any_other_database_error_is_a_500_with_a_reference_and_no_retry() {
        HttpResponse<Problem> response = handler.handle(HttpRequest.POST("/api/x", "{}"), failing("42P01"));

        assertEquals(500, response.code());
        assertFalse(response.getHeaders().contains("Retry-After"));
        assertTrue(response.body().detail().startsWith("Unexpected error; quote reference "));
    }
}
