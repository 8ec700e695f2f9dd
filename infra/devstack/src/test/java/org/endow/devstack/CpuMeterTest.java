package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
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
    }

    @Test
    void theReferenceJobTakesMeasurableCpuTime() {
        double millis = CpuMeter.referenceJobMillis();

        assertTrue(millis > 1 && millis < 60_000, () -> millis + " ms");
    }
}
