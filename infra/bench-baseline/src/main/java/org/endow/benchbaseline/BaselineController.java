package org.endow.benchbaseline;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code GET /hello}: nothing at all. {@code POST /hits}: one JDBC insert of the request, autocommit. */
@Controller
class BaselineController {

    private final DataSource dataSource;

    BaselineController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener
    void createTable(StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists hit (id bigserial primary key, request_id uuid not null,"
                    + " amount_minor bigint not null, currency text not null, at timestamptz not null default now())");
        }
    }

    @Get("/hello")
    String hello() {
        return "hello";
    }

    @Post("/hits")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<HitResponse> hit(@Body HitRequest request) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into hit (request_id, amount_minor, currency) values (?, ?, ?) returning id")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setLong(2, request.amountMinor());
            insert.setString(3, request.currency());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return HttpResponse.status(HttpStatus.CREATED).body(new HitResponse(rs.getLong(1)));
            }
        }
    }

    @Serdeable
    record HitRequest(long amountMinor, String currency) {}

    @Serdeable
    record HitResponse(long id) {}
}
