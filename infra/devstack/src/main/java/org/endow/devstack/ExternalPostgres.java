package org.endow.devstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** A PostgreSQL server run by someone else (production, CI service), reached with an administrator's account. */
final class ExternalPostgres extends PostgresAdmin {

    private static final String PREFIX = "jdbc:postgresql://";

    private final String adminJdbcUrl;
    private final String adminUser;
    private final String adminPassword;

    ExternalPostgres(String adminJdbcUrl, String adminUser, String adminPassword) {
        this.adminJdbcUrl = Objects.requireNonNull(adminJdbcUrl, "adminJdbcUrl");
        this.adminUser = Objects.requireNonNull(adminUser, "adminUser");
        this.adminPassword = Objects.requireNonNull(adminPassword, "adminPassword");
        if (!adminJdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("PostgreSQL admin URL must start with " + PREFIX + ": " + adminJdbcUrl);
        }
    }

    ExternalPostgres verify() {
        try (Connection connection = adminConnection()) {
            if (!connection.isValid(5)) {
                throw new IllegalStateException("PostgreSQL at " + adminJdbcUrl + " does not answer");
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to PostgreSQL at " + adminJdbcUrl + " as " + adminUser + ": " + e.getMessage(), e);
        }
    }

    /** The admin URL with its database replaced by {@code name}; host, port and parameters are kept. */
    @Override
    String jdbcUrl(String name) {
        int hostStart = PREFIX.length();
        int slash = adminJdbcUrl.indexOf('/', hostStart);
        int query = adminJdbcUrl.indexOf('?', hostStart);
        if (slash < 0 || (query >= 0 && query < slash)) {
            String hosts = query < 0 ? adminJdbcUrl : adminJdbcUrl.substring(0, query);
            String params = query < 0 ? "" : adminJdbcUrl.substring(query);
            return hosts + "/" + name + params;
        }
        String params = query < 0 ? "" : adminJdbcUrl.substring(query);
        return adminJdbcUrl.substring(0, slash + 1) + name + params;
    }

    @Override
    public String adminJdbcUrl() {
        return adminJdbcUrl;
    }

    @Override
    public String adminUser() {
        return adminUser;
    }

    @Override
    public String adminPassword() {
        return adminPassword;
    }

    @Override
    public void stop() {
        // not ours to stop
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException(
                "An external PostgreSQL server (" + adminJdbcUrl + ") cannot be restarted from here");
    }
}
