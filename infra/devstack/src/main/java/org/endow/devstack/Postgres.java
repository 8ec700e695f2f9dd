package org.endow.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A PostgreSQL server on which databases are provisioned: an embedded one (real PostgreSQL 17 binaries from Maven,
 * nothing to install) or an external one reached through an administrator's JDBC URL.
 */
public interface Postgres extends AutoCloseable {

    String ADMIN_URL_ENV = "ENDOW_POSTGRES_ADMIN_URL";
    String ADMIN_USER_ENV = "ENDOW_POSTGRES_ADMIN_USER";
    String ADMIN_PASSWORD_ENV = "ENDOW_POSTGRES_ADMIN_PASSWORD";

    /**
     * Starts an embedded PostgreSQL server.
     *
     * @param dataDir the cluster's data directory; initialised when empty, reused otherwise
     * @param port the port on 127.0.0.1, 0 for a free one
     * @param keepData whether {@link #stop()} leaves the data directory in place for a later start
     * @param logFile the server's output, or null to send it to this JVM's log
     */
    static Postgres embedded(Path dataDir, int port, boolean keepData, Path logFile) {
        return new EmbeddedPostgresServer(dataDir, port, keepData, logFile).start();
    }

    /** An external server; checks the connection now so that a wrong URL or password fails early. */
    static Postgres external(String adminJdbcUrl, String adminUser, String adminPassword) {
        return new ExternalPostgres(adminJdbcUrl, adminUser, adminPassword).verify();
    }

    /**
     * The external server named by {@value #ADMIN_URL_ENV} (with {@value #ADMIN_USER_ENV}, default {@code
     * postgres}, and {@value #ADMIN_PASSWORD_ENV}), or empty when the URL is not set.
     */
    static Optional<Postgres> externalFromEnvironment() {
        String url = System.getenv(ADMIN_URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String user = System.getenv(ADMIN_USER_ENV);
        return Optional.of(external(
                url,
                user == null || user.isBlank() ? "postgres" : user,
                Optional.ofNullable(System.getenv(ADMIN_PASSWORD_ENV)).orElse("")));
    }

    /**
     * Creates, or updates, role {@code name} (LOGIN, this password) and database {@code name} owned by it, that no
     * other role may connect to. Idempotent; safe when two callers provision the same name at once.
     *
     * @param name a lower-case SQL identifier: {@code [a-z_][a-z0-9_]*}, at most 63 characters
     */
    Database provision(String name, String password);

    /** JDBC URL of the administrator's connection (to the {@code postgres} database for the embedded server). */
    String adminJdbcUrl();

    String adminUser();

    String adminPassword();

    /** Stops the server (embedded) or forgets it (external). */
    void stop();

    /** Stops and starts the embedded server on the same directory and port; for fault tests. */
    void restart();

    @Override
    default void close() {
        stop();
    }
}
