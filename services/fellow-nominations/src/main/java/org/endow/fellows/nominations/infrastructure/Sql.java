package org.endow.fellows.nominations.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the adapters of this feature use. */
final class Sql {

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {}

    static <T> List<T> list(JdbcOperations jdbc, String sql, Binder binder, Row<T> row) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<T> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(row.map(rs));
                }
            }
            return found;
        });
    }

    static int update(JdbcOperations jdbc, String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }
}
