package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void coresUsedAreTicksPerSecondOfTheInterval() {
        Map<String, Long> before = new LinkedHashMap<>();
        before.put("gateway", 1_000L);
        before.put("kafka", 50L);
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("gateway", 1_500L); // 5 s of CPU in 10 s
        after.put("kafka", 150L); // 1 s
        after.put("started later", 999L); // no first snapshot: left out

        String table = CpuMeter.coresUsed(before, after, 10.0, "at 2500/s offered");

        for (String expected : new String[] {
            "| cores used at 2500/s offered | cores |",
            "| gateway | 0.50 |",
            "| kafka | 0.10 |",
            "| **all** | **0.60** |"
        }) {
            assertTrue(table.contains(expected), () -> expected + " in\n" + table);
        }
        assertTrue(!table.contains("started later"), table);
    }

    @Test
    void cpuPerRequestIsMillisecondsOfTicksPerRequest() {
        Map<String, Long> before = Map.of("donations", 100L);
        Map<String, Long> after = Map.of("donations", 300L); // 2 s of CPU for 1,000 pledges

        String table = CpuMeter.perRequest(before, after, 1_000, "pledge");

        assertTrue(table.startsWith("| CPU per pledge | ms |\n|---|---:|\n"), table);
        assertTrue(table.contains("| donations | 2.00 |"), table);
        assertTrue(table.contains("| **all** | **2.00** |"), table);
        // the same from the ticks used, as the gateway's saturation rounds add them up
        assertEquals(table, CpuMeter.perRequest(Map.of("donations", 200L), 1_000, "pledge"));
    }

    @Test
    void theReferenceJobTakesMeasurableCpuTime() {
        double millis = CpuMeter.referenceJobMillis();

        assertTrue(millis > 1 && millis < 60_000, () -> millis + " ms");
    }

    @Test
    void theMachinesBusyTicksAreAllButIdleAndIoWaitOfTheAggregateCpuLine() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals(
                OptionalLong.of(100 + 2 + 30 + 4 + 5 + 6), CpuMeter.busyTicksOf("cpu  100 2 30 9000 70 4 5 6 0 0"));
        assertEquals(OptionalLong.of(100 + 2 + 30 + 4 + 5), CpuMeter.busyTicksOf("cpu 100 2 30 9000 70 4 5"));
        assertEquals(OptionalLong.empty(), CpuMeter.busyTicksOf("cpu0 100 2 30 9000 70 4 5 6 0 0"));
    }

    @Test
    void awaitingQuietSaysHowBusyTheMachineWasAndHowLongItWaited() throws InterruptedException {
        // any machine running these tests is under 64 cores busy
        CpuMeter.Quiet quiet = CpuMeter.awaitQuiet(64, Duration.ofSeconds(5));

        assertTrue(quiet.reached(), quiet::toString);
        assertTrue(quiet.busyCores() >= 0 && quiet.busyCores() < 64, quiet::toString);
        assertTrue(quiet.waited().toMillis() >= 1_000, quiet::toString);
    }
}
