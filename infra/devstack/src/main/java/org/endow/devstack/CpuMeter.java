package org.endow.devstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** A Markdown table: CPU ms per request for each part, from the ticks each used (differences of snapshots). */
    static String perRequest(Map<String, Long> used, long requests, String what) {
        Map<String, Long> zero = new LinkedHashMap<>();
        used.keySet().forEach(part -> zero.put(part, 0L));
        return perRequest(zero, used, requests, what);
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

    /** How busy the machine was when a measurement began: busy cores over the last second, and how long that took. */
    record Quiet(double busyCores, Duration waited, boolean reached) {}

    /**
     * Waits, one-second sample after sample, until the whole machine (every process, from {@code /proc/stat}) used
     * fewer than {@code belowCores} cores over the last second, or {@code atMost} has passed: a start-up measured
     * while other JVMs still compile or catch up measures them too.
     */
    static Quiet awaitQuiet(double belowCores, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        double busy;
        do {
            OptionalLong before = machineBusyTicks();
            long sampledAt = System.nanoTime();
            Thread.sleep(1_000);
            OptionalLong after = machineBusyTicks();
            if (before.isEmpty() || after.isEmpty()) {
                return new Quiet(Double.NaN, Duration.ofNanos(System.nanoTime() - start), false);
            }
            busy = (after.getAsLong() - before.getAsLong())
                    / TICKS_PER_SECOND
                    / ((System.nanoTime() - sampledAt) / 1e9);
        } while (busy >= belowCores && System.nanoTime() < deadline);
        return new Quiet(busy, Duration.ofNanos(System.nanoTime() - start), busy < belowCores);
    }

    /** Busy ticks of all CPUs so far (user, nice, system, irq, softirq, steal); empty without /proc/stat. */
    static OptionalLong machineBusyTicks() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.findFirst().map(CpuMeter::busyTicksOf).orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The busy ticks of {@code /proc/stat}'s aggregate {@code cpu} line; empty for any other line. */
    static OptionalLong busyTicksOf(String line) {
        String[] f = line.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 8) {
            return OptionalLong.empty();
        }
        // user nice system idle iowait irq softirq [steal ...]: all but idle and iowait are work
        long busy = Long.parseLong(f[1])
                + Long.parseLong(f[2])
                + Long.parseLong(f[3])
                + Long.parseLong(f[6])
                + Long.parseLong(f[7]);
        if (f.length > 8) {
            busy += Long.parseLong(f[8]);
        }
        return OptionalLong.of(busy);
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
