package org.endow.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Provisioning shared by both kinds of {@link Postgres}: plain SQL through the administrator's connection. */
abstract class PostgresAdmin implements Postgres {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminJdbcUrl(), adminUser(), adminPassword());
    }

    /** The JDBC URL of database {@code name} on this server. */
    abstract String jdbcUrl(String name);

    @Override
    public Database provision(String name, String password) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "Database name must match " + IDENTIFIER.pattern() + " (lower-case SQL identifier): " + name);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A password is required for role " + name);
        }
        String literal = "'" + password.replace("'", "''") + "'";
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                try {
                    statement.execute("CREATE ROLE " + name + " WITH LOGIN PASSWORD " + literal);
                } catch (SQLException e) {
                    requireDuplicate(e, DUPLICATE_OBJECT);
                }
            }
            statement.execute("ALTER ROLE " + name + " WITH LOGIN PASSWORD " + literal);
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                try {
                    statement.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
                } catch (SQLException e) {
                    requireDuplicate(e, DUPLICATE_DATABASE);
                }
            }
            statement.execute("ALTER DATABASE " + name + " OWNER TO " + name);
            statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            return new Database(jdbcUrl(name), name, password);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot provision database and role " + name + " on " + adminJdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Another caller created the same object between our check and our CREATE: that is fine. */
    private static void requireDuplicate(SQLException e, String expectedState) throws SQLException {
        if (!expectedState.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
        }
    }
}
