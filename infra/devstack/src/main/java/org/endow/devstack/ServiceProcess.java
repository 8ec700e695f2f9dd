package org.endow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A packaged Micronaut application ({@code <module>/target/<artifactId>-0.1.0-SNAPSHOT.jar}, whose manifest puts
 * {@code target/lib} on its class path) running as its own process.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final Instant startedAt;
    private Duration startToHealthy;
    private OptionalLong rssWhenHealthyKb = OptionalLong.empty();

    private ServiceProcess(String name, int port, Path logFile, Process process, Instant startedAt) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.startedAt = startedAt;
    }

    /** The packaged jar of a module: {@code <repoRoot>/<moduleDir>/target/<artifactId>-0.1.0-SNAPSHOT.jar}. */
    public static Path jarOf(Path repoRoot, String moduleDir, String artifactId) {
        return repoRoot.resolve(moduleDir).resolve("target").resolve(artifactId + "-" + VERSION + ".jar");
    }

    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    /**
     * Waits until {@code GET http://127.0.0.1:<port>/health} answers 200.
     *
     * @throws IllegalStateException when the process exits first or the time is up; the message holds the last 40
     *     lines of its log
     */
    public ServiceProcess awaitHealthy(Duration timeout) {
        return awaitHealthy(timeout, "/health");
    }

    /** As {@link #awaitHealthy(Duration)}, polling {@code path} (an app without a health endpoint). */
    public ServiceProcess awaitHealthy(Duration timeout, String path) {
        URI health = URI.create("http://127.0.0.1:" + port + path);
        Instant deadline = Instant.now().plus(timeout);
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1)
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            String lastAnswer = "no answer yet";
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + process.exitValue()
                            + " before it was healthy; last lines of " + logFile + ":\n" + Processes.tail(logFile, 40));
                }
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        startToHealthy = Duration.between(startedAt, Instant.now());
                        rssWhenHealthyKb = rssKb();
                        return this;
                    }
                    lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    lastAnswer = e.toString();
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " not healthy at " + health + " within "
                            + timeout.toSeconds() + " s (last answer: " + lastAnswer + "); last lines of " + logFile
                            + ":\n" + Processes.tail(logFile, 40));
                }
                Processes.pause(Duration.ofMillis(100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to be healthy", e);
        }
    }

    /**
     * SIGTERM, then SIGKILL after 10 s (60 s while it records an AOT cache, which it writes on the way out); returns
     * once the process has exited.
     */
    public void stop() {
        Processes.stop(process.toHandle(), recordsAotCache ? Duration.ofSeconds(60) : Processes.GRACEFUL_STOP);
    }

    /** SIGKILL, as a crash would; for fault tests. */
    public void kill() {
        Processes.kill(process.toHandle());
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return logFile;
    }

    /** Time from launching the process to its first healthy answer, once {@link #awaitHealthy} has seen it. */
    public Optional<Duration> startToHealthy() {
        return Optional.ofNullable(startToHealthy);
    }

    /** Resident memory in KiB at the first healthy answer, once {@link #awaitHealthy} has seen it. */
    public OptionalLong rssWhenHealthyKb() {
        return rssWhenHealthyKb;
    }

    /** Resident memory in KiB (VmRSS of {@code /proc/<pid>/status}), empty when not on Linux or exited. */
    public OptionalLong rssKb() {
        return rssKb(process.pid());
    }

    static OptionalLong rssKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(
                            line.substring("VmRSS:".length()).replace("kB", "").trim()));
                }
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty(); // no such process (any more), or no /proc
        }
    }

    /**
     * A small service on a small machine: a 256 MB heap ceiling that starts small, the serial collector (no
     * concurrent GC threads or remembered sets to pay for on 2 cores), smaller thread stacks and code cache.
     */
    static final List<String> DEFAULT_JVM_ARGS = List.of(
            "-Xms32m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:+ExitOnOutOfMemoryError");

    private boolean recordsAotCache;

    /** How to launch an application. */
    public static final class Builder {
        private final String name;
        private final Path jar;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(DEFAULT_JVM_ARGS);
        private Path aotCache;
        private int port = -1;
        private Path logFile;
        private Path workingDir;

        private Builder(String name, Path jar) {
            this.name = Objects.requireNonNull(name, "name");
            this.jar = Objects.requireNonNull(jar, "jar").toAbsolutePath();
        }

        /** The HTTP port; also passed as {@code MICRONAUT_SERVER_PORT}. Required. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Environment variables added to this JVM's environment. */
        public Builder env(Map<String, String> env) {
            this.env.putAll(env);
            return this;
        }

        public Builder env(String name, String value) {
            this.env.put(name, value);
            return this;
        }

        /**
         * Use an ahead-of-time cache (JDK 25+, JEP 514/515: classes loaded and linked, method profiles): when {@code
         * cache} exists and is newer than the jar, the JVM starts from it; otherwise this run records one, written when
         * the process exits normally. Ignored on a JDK before 25.
         */
        public Builder aotCache(Path cache) {
            this.aotCache = cache.toAbsolutePath();
            return this;
        }

        /** JVM options added after the defaults ({@link #DEFAULT_JVM_ARGS}). */
        public Builder jvmArgs(List<String> args) {
            this.jvmArgs.addAll(args);
            return this;
        }

        /** Where stdout and stderr go; default {@code <jar dir>/<name>.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Working directory; default the module directory (the jar's {@code target/}'s parent). */
        public Builder workingDir(Path workingDir) {
            this.workingDir = workingDir;
            return this;
        }

        /**
         * With {@code ENDOW_JFR_DIR} set (a profiling run, e.g. {@code ENDOW_JFR_DIR=target/bench/jfr ./endow bench}),
         * every application records a Java Flight Recording with the profiling settings, written there at exit.
         */
        private static List<String> flightRecording(String name) {
            String dir = System.getenv("ENDOW_JFR_DIR");
            if (dir == null || dir.isBlank()) {
                return List.of();
            }
            Path file = Path.of(dir).toAbsolutePath().resolve(name + ".jfr");
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + file.getParent(), e);
            }
            return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
        }

        private List<String> aotOptions() {
            if (aotCache == null || Runtime.version().feature() < 25) {
                return List.of();
            }
            try {
                Files.createDirectories(aotCache.getParent());
                if (aotCacheFresh(jar, aotCache)) {
                    return List.of("-XX:AOTCache=" + aotCache, "-Xlog:aot=warning");
                }
                Files.deleteIfExists(aotCache);
                Files.writeString(fingerprintOf(aotCache), classPathFingerprint(jar));
                return List.of("-XX:AOTCacheOutput=" + aotCache, "-Xlog:aot=warning");
            } catch (IOException e) {
                return List.of(); // no cache: a slower start, nothing worse
            }
        }

        /**
         * What the JVM checks before it maps a cache: the jar and every library beside it ({@code lib/}), by size
         * and modification time. A cache is fresh only if the class path is exactly the one it was recorded with.
         * Being newer than every file is not enough: Maven copies libraries keeping their (older) modification
         * time, and the JVM then refuses the cache ("shared class paths mismatch") and records none either.
         */
        static String classPathFingerprint(Path jar) throws IOException {
            List<Path> files = new ArrayList<>();
            files.add(jar);
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (var jars = Files.list(lib)) {
                    jars.sorted().forEach(files::add);
                }
            }
            StringBuilder fingerprint = new StringBuilder();
            for (Path file : files) {
                fingerprint
                        .append(file.getFileName())
                        .append('\t')
                        .append(Files.size(file))
                        .append('\t')
                        .append(Files.getLastModifiedTime(file).toMillis())
                        .append('\n');
            }
            return fingerprint.toString();
        }

        /** The class path a cache was recorded with, beside it. */
        private static Path fingerprintOf(Path cache) {
            return cache.resolveSibling(cache.getFileName() + ".classpath");
        }

        /** Whether {@code cache} exists and was recorded with the jar's present class path (see above). */
        static boolean aotCacheFresh(Path jar, Path cache) throws IOException {
            Path recordedWith = fingerprintOf(cache);
            return Files.isRegularFile(cache)
                    && Files.isRegularFile(recordedWith)
                    && Files.readString(recordedWith).equals(classPathFingerprint(jar));
        }

        public ServiceProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Jar of " + name + " not found at " + jar
                        + ": build it first (./mvnw -B package -DskipTests, which ./endow run does)");
            }
            if (port <= 0) {
                throw new IllegalStateException("No port given for " + name);
            }
            Path log = (logFile != null ? logFile : jar.resolveSibling(name + ".log")).toAbsolutePath();
            Path dir = workingDir != null ? workingDir : jar.getParent().getParent();
            Processes.requireFreePort(port, name, "is it still running from an earlier start?");
            List<String> command = new ArrayList<>();
            command.add(Processes.javaExecutable());
            command.addAll(jvmArgs);
            command.addAll(aotOptions());
            command.addAll(flightRecording(name));
            command.add("-jar");
            command.add(jar.toString());
            try {
                Files.createDirectories(log.getParent());
                ProcessBuilder builder = new ProcessBuilder(Processes.detached(command))
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().putAll(env);
                builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
                Instant startedAt = Instant.now();
                ServiceProcess started = new ServiceProcess(name, port, log, builder.start(), startedAt);
                started.recordsAotCache = command.stream().anyMatch(arg -> arg.startsWith("-XX:AOTCacheOutput="));
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), e);
            }
        }
    }
}
