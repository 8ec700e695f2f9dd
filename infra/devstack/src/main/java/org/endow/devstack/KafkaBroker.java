package org.endow.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Apache Kafka broker (broker and controller in one) running as its own OS process, from the
 * jars that {@code infra/kafka-broker} copies to its {@code target/lib}.
 *
 * <p>The data directory holds {@code server.properties}, the formatted log directory and a pid file; it is formatted
 * only once, so {@link #restart()} and a later broker on the same directory keep their topics.
 */
public final class KafkaBroker implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String READY_LINE = "Kafka Server started";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private final Path libDir;
    private final Path dataDir;
    private final Path logFile;
    private int port;
    private int controllerPort;
    private Process process;
    private Duration lastStartDuration;

    private KafkaBroker(Builder builder) {
        this.libDir = builder.libDir != null ? builder.libDir : defaultLibDir();
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir").toAbsolutePath();
        this.logFile = builder.logFile != null ? builder.logFile.toAbsolutePath() : dataDir.resolve("broker.log");
        this.port = builder.port;
        this.controllerPort = builder.controllerPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The broker jars of this repository: {@code <repoRoot>/infra/kafka-broker/target/lib}. */
    public static Path defaultLibDir() {
        return RepoRoot.find().resolve("infra/kafka-broker/target/lib");
    }

    /**
     * Writes the configuration, formats the log directory on first use and starts the broker; returns once it
     * accepts connections and has logged that it started.
     *
     * @throws IllegalStateException when the jars are missing, a port is taken, or the broker is not ready within
     *     60 s (the message holds the end of its log)
     */
    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Kafka broker already running as pid " + process.pid());
        }
        Instant begin = Instant.now();
        requireJars();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka directories " + dataDir + " and " + logFile, e);
        }
        stopLeftoverBroker();
        if (port == 0) {
            port = Processes.freePort();
        }
        if (controllerPort == 0) {
            do {
                controllerPort = Processes.freePort();
            } while (controllerPort == port);
        }
        String hint = "is another broker running (a previous ./endow run)? Set ENDOW_KAFKA_PORT to use other ports";
        Processes.requireFreePort(port, "the Kafka broker", hint);
        Processes.requireFreePort(controllerPort, "the Kafka controller", hint);
        Path config = writeConfig();
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format(config);
        }

        long logOffset = logSize();
        List<String> command = Processes.detached(List.of(
                Processes.javaExecutable(),
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-cp",
                libDir + "/*",
                "kafka.Kafka",
                config.toString()));
        try {
            process = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker: " + String.join(" ", command), e);
        }
        writePidFile(process.pid());
        awaitReady(logOffset);
        lastStartDuration = Duration.between(begin, Instant.now());
        LOG.info(
                "Kafka broker ready on {} (pid {}) in {} ms, log {}",
                bootstrapServers(),
                process.pid(),
                lastStartDuration.toMillis(),
                logFile);
        return this;
    }

    /** Stops the broker gracefully (SIGTERM), forcibly after 10 s; does nothing when it is not running. */
    public synchronized void stop() {
        if (process != null) {
            Processes.stop(process.toHandle(), Processes.GRACEFUL_STOP);
            deletePidFile();
        }
    }

    /** Kills the broker with SIGKILL, as a crash would; for fault-injection tests. */
    public synchronized void kill() {
        if (process != null) {
            Processes.kill(process.toHandle());
        }
    }

    /** Stops the broker if it runs, then starts it again on the same ports and data directory. */
    public synchronized KafkaBroker restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code 127.0.0.1:<port>}; the port is known once {@link #start()} has picked it. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The process id of the running broker. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("Kafka broker not started");
        }
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** How long the last {@link #start()} took until the broker was ready. */
    public synchronized Optional<Duration> startDuration() {
        return Optional.ofNullable(lastStartDuration);
    }

    private Path logDir() {
        return dataDir.resolve("kraft-logs");
    }

    private Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    private void requireJars() {
        boolean present = Files.isRegularFile(libDir.resolve("kafka_2.13-4.4.0.jar"));
        if (!present) {
            throw new IllegalStateException("Kafka broker jars not found at " + libDir
                    + ": run ./mvnw -B -pl infra/kafka-broker package (./endow run and ./endow test do it)");
        }
    }

    private Path writeConfig() {
        String properties = String.join(
                "\n",
                "# written by org.endow.devstack.KafkaBroker on every start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + logDir(),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // after a crash the new incarnation cannot register until the old one's session expires
                // (default 9 s); one node on loopback can afford a shorter session
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                // topics exist only as the services create them (with their partition counts, MessagingStartup)
                // or as the deployment's topic job does: a producer that races that creation waits for the topic
                // instead of silently making a one-partition topic of its own
                "auto.create.topics.enable=false",
                "");
        Path config = dataDir.resolve("server.properties");
        try {
            Files.writeString(config, properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config, e);
        }
        return config;
    }

    /** Formats the log directory with a new cluster id, as {@code kafka-storage.sh format} does. */
    private void format(Path config) {
        List<String> command = List.of(
                Processes.javaExecutable(),
                "-Xmx256m",
                "-cp",
                libDir + "/*",
                "kafka.tools.StorageTool",
                "format",
                "-t",
                randomClusterId(),
                "-c",
                config.toString());
        Path formatLog = dataDir.resolve("format.log");
        try {
            Process format = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(formatLog.toFile())
                    .start();
            if (!Processes.awaitExit(format.toHandle(), START_TIMEOUT)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting the Kafka log directory took more than "
                        + START_TIMEOUT.toSeconds() + " s; output:\n" + Processes.tail(formatLog, 40));
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed (exit "
                        + format.exitValue() + "): " + String.join(" ", command) + "\n"
                        + Processes.tail(formatLog, 40));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        }
    }

    /**
     * A cluster id as {@code StorageTool random-uuid} prints it (Kafka's {@code Uuid.randomUuid()}: 16 random
     * bytes, URL-safe Base64 without padding, never starting with a dash), without starting a JVM for it.
     */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-") || id.equals("AAAAAAAAAAAAAAAAAAAAAA") || id.equals("AAAAAAAAAAAAAAAAAAAAAQ"));
        return id;
    }

    private void awaitReady(long logOffset) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                        + " while starting; last lines of " + logFile + ":\n" + Processes.tail(logFile, 40));
            }
            if (logContainsSince(logOffset, READY_LINE) && Processes.accepts(port)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Processes.stop(process.toHandle(), Processes.GRACEFUL_STOP);
                throw new IllegalStateException("Kafka broker not ready on port " + port + " within "
                        + START_TIMEOUT.toSeconds() + " s; last lines of " + logFile + ":\n"
                        + Processes.tail(logFile, 40));
            }
            Processes.pause(Duration.ofMillis(100));
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    /** Whether the log has the line since the offset it had when this start began. */
    private boolean logContainsSince(long offset, String text) {
        try (InputStream in = Files.newInputStream(logFile)) {
            in.skipNBytes(Math.min(offset, Files.size(logFile)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    /** A broker left running on this data directory by a launcher that died would hold its ports and lock. */
    private void stopLeftoverBroker() {
        Path pidFile = pidFile();
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring unreadable pid file {}: {}", pidFile, e.toString());
            deletePidFile();
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .arguments()
                        .map(args -> List.of(args).contains("kafka.Kafka")
                                && String.join(" ", args).contains(dataDir.toString()))
                        .orElse(false));
        if (leftover.isPresent()) {
            LOG.warn("Stopping Kafka broker pid {} left running on {} by an earlier run", pid, dataDir);
            Processes.stop(leftover.get(), Processes.GRACEFUL_STOP);
        }
        deletePidFile();
    }

    private void writePidFile(long pid) {
        try {
            Files.writeString(pidFile(), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile(), e);
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + pidFile(), e);
        }
    }

    /** Where and on which ports the broker runs; port 0 means a free port picked at start. */
    public static final class Builder {
        private Path libDir;
        private Path dataDir;
        private Path logFile;
        private int port;
        private int controllerPort;

        private Builder() {}

        /** The broker jars; default {@code <repoRoot>/infra/kafka-broker/target/lib}. */
        public Builder libDir(Path libDir) {
            this.libDir = libDir;
            return this;
        }

        /** Configuration, log directory and pid file; required. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The broker's stdout and stderr; default {@code <dataDir>/broker.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder port(int port) {
            this.port = requirePort(port);
            return this;
        }

        public Builder controllerPort(int controllerPort) {
            this.controllerPort = requirePort(controllerPort);
            return this;
        }

        public KafkaBroker build() {
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("Kafka port and controller port are both " + port);
            }
            return new KafkaBroker(this);
        }

        private static int requirePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
            return port;
        }
    }
}
