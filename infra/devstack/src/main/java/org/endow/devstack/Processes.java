package org.endow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the classes that start and stop child processes. */
final class Processes {

    static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {}

    /** The {@code java} executable of the running JVM, so that children run on the same JDK. */
    static String javaExecutable() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current()
                .info()
                .command()
                .orElseThrow(() -> new IllegalStateException("Cannot find the java executable of this JVM (java.home="
                        + System.getProperty("java.home") + ")"));
    }

    /**
     * A command line that runs in its own session when {@code setsid} is available, so that a Ctrl-C in the
     * terminal reaches only the launcher, which then stops its children in order. {@code setsid} execs the
     * command in place: the process id stays that of the child.
     */
    static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> result = new ArrayList<>(command.size() + 1);
        result.add(SETSID.toString());
        result.addAll(command);
        return result;
    }

    /** The last {@code lines} lines of a log file, or a note saying why there are none. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        try {
            Deque<String> last = new ArrayDeque<>(lines);
            try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
                stream.forEach(line -> {
                    if (last.size() == lines) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                });
            }
            return String.join(System.lineSeparator(), last);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A port free on the loopback interface right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free TCP port", e);
        }
    }

    /** Whether a TCP connection to 127.0.0.1:port succeeds within a short timeout. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message when something already listens on the port. */
    static void requireFreePort(int port, String what, String hint) {
        if (accepts(port)) {
            throw new IllegalStateException(
                    "Port " + port + " needed by " + what + " is already in use on 127.0.0.1: " + hint);
        }
    }

    /** SIGTERM, then SIGKILL if the process is still alive after {@code grace}; waits until it has exited. */
    static void stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(process, grace)) {
            process.destroyForcibly();
            awaitExit(process, GRACEFUL_STOP);
        }
    }

    /** SIGKILL and wait until the process has exited. */
    static void kill(ProcessHandle process) {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(process, GRACEFUL_STOP);
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Waiting for process " + process.pid() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for process " + process.pid() + " to exit", e);
        }
    }

    /** Sleeps between two polls of a bounded wait. */
    static void pause(Duration interval) {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
