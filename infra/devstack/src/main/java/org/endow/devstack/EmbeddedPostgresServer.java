package org.endow.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL 17 from zonky's embedded binaries, listening on 127.0.0.1, superuser {@code postgres}. */
final class EmbeddedPostgresServer extends PostgresAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean keepData;
    private final Path logFile;
    private int port;
    private EmbeddedPostgres server;

    EmbeddedPostgresServer(Path dataDir, int port, boolean keepData, Path logFile) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.port = port;
        this.keepData = keepData;
        this.logFile = logFile == null ? null : logFile.toAbsolutePath();
    }

    synchronized EmbeddedPostgresServer start() {
        if (server != null) {
            throw new IllegalStateException("Embedded PostgreSQL already running on port " + port);
        }
        if (port == 0) {
            port = Processes.freePort();
        }
        Processes.requireFreePort(
                port,
                "the embedded PostgreSQL",
                "is another ./endow run running? Set ENDOW_POSTGRES_PORT to use another port");
        Instant begin = Instant.now();
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // stop() deletes the directory itself when asked: restart() must keep it
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(START_TIMEOUT)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // the embedded server's library defaults to synchronous_commit=off and starts the server with -F
                    // (fsync=off): a commit would be answered before it is on disk, and a crash could lose a pledge
                    // whose event the outbox relay had already published. PostgreSQL's own defaults, as in
                    // production: a commit is durable when answered (-c options come after -F, so they win)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    // statement counts for the bench and for anyone asking what the local stack runs
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                builder.setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                        .setErrorRedirector(Redirect.appendTo(logFile.toFile()));
            }
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded PostgreSQL on port " + port + " with data in "
                            + dataDir + ": " + e.getMessage()
                            + (logFile == null
                                    ? ""
                                    : "; last lines of " + logFile + ":\n" + Processes.tail(logFile, 40)),
                    e);
        }
        LOG.info(
                "PostgreSQL ready on 127.0.0.1:{} in {} ms, data in {}",
                port,
                Duration.between(begin, Instant.now()).toMillis(),
                dataDir);
        return this;
    }

    @Override
    public synchronized void stop() {
        shutdown();
        if (!keepData) {
            Processes.deleteRecursively(dataDir);
        }
    }

    @Override
    public synchronized void restart() {
        shutdown();
        start();
    }

    private void shutdown() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    @Override
    String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public String adminJdbcUrl() {
        return jdbcUrl("postgres");
    }

    @Override
    public String adminUser() {
        return "postgres";
    }

    @Override
    public String adminPassword() {
        return "";
    }

    int port() {
        return port;
    }
}
