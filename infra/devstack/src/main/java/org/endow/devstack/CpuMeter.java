package org.endow.devstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the stack over a measured window, from {@code /proc/<pid>/stat} (user + system
 * time): the applications, the Kafka broker, every PostgreSQL process together, and the bench's own JVM (the load
 * generator, the Stripe stand-in, the mail sink). Divided by the requests served in the window it says what one
 * request costs where — a figure that holds even when the machine is shared and throughput is noisy.
 */
final class CpuMeter {

    /** Linux's USER_HZ: the unit of utime and stime in /proc (100 on every mainstream kernel). */
    static final double TICKS_PER_SECOND = 100.0;

    private final Stack stack;

    CpuMeter(Stack stack) {
        this.stack = stack;
    }

    /** CPU ticks used so far, per part of the stack (ordered; empty when /proc is not there). */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (ServiceProcess app : stack.applications()) {
            ticksOf(app.pid()).ifPresent(t -> ticks.put(app.name(), t));
        }
        if (stack.broker() != null) {
            ticksOf(stack.broker().pid()).ifPresent(t -> ticks.put("kafka", t));
        }
        ticks.put("postgresql (all processes)", postgresTicks());
        ticksOf(ProcessHandle.current().pid()).ifPresent(t -> ticks.put("bench JVM (load, stand-in, mail)", t));
        return ticks;
    }

    /** A Markdown table: CPU ms per request for each part, between two snapshots. */
    static String perRequest(Map<String, Long> before, Map<String, Long> after, long requests, String what) {
        return table(
                "| CPU per " + what + " | ms |",
                before,
                after,
                requests,
                ticks -> ticks * 1000.0 / TICKS_PER_SECOND / requests);
    }

    /** A Markdown table: cores used by each part between two snapshots taken {@code seconds} apart. */
    static String coresUsed(Map<String, Long> before, Map<String, Long> after, double seconds, String what) {
        return table(
                "| cores used " + what + " | cores |",
                before,
                after,
                seconds,
                ticks -> ticks / TICKS_PER_SECOND / seconds);
    }

    /** One row per part present in both snapshots, its tick difference converted; nothing when {@code over <= 0}. */
    private static String table(
            String header,
            Map<String, Long> before,
            Map<String, Long> after,
            double over,
            LongToDoubleFunction convert) {
        StringBuilder md = new StringBuilder(header).append("\n|---|---:|\n");
        double total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            Long start = before.get(entry.getKey());
            if (start == null || over <= 0) {
                continue;
            }
            double value = convert.applyAsDouble(entry.getValue() - start);
            total += value;
            md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", entry.getKey(), value));
        }
        md.append(String.format(Locale.ROOT, "| **all** | **%.2f** |%n", total));
        return md.toString();
    }

    /**
     * The machine's speed right now: the CPU time this thread needs for a fixed job of plain Java (sorting 2 million
     * numbers and filling a hash map with 1 million entries), in milliseconds; lower is faster. CPU time, not elapsed
     * time, so what else runs does not count, only how much work a CPU-second does at the moment.
     */
    static double referenceJobMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        SplittableRandom random = new SplittableRandom(42);
        long[] numbers = random.longs(2_000_000).toArray();
        Arrays.sort(numbers);
        HashMap<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            map.merge(random.nextInt(500_000), i, Integer::sum);
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        if (numbers[0] > numbers[numbers.length - 1] || map.isEmpty()) {
            throw new IllegalStateException("the reference job went wrong");
        }
        return cpu / 1e6;
    }

    private static long postgresTicks() {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String comm = Files.readString(proc.resolve("comm")).strip();
                    if (comm.equals("postgres") || comm.startsWith("postgres:")) {
                        sum += ticksOf(Long.parseLong(name)).orElse(0);
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException noProc) {
            return 0;
        }
        return sum;
    }

    static OptionalLong ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime is field 14, stime field 15
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
