package org.endow.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void is_a_version_7_uuid_of_the_ietf_variant_carrying_its_time() {
        long at = 1_796_600_000_123L;
        UUID id = TimeOrderedIds.at(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, TimeOrderedIds.unixMillisOf(id));
        String expectedStart = String.format("%08x-%04x-7", at >>> 16, at & 0xffff);
        assertTrue(id.toString().startsWith(expectedStart), id + " should start with " + expectedStart);
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones_as_postgresql_compares_them() {
        // PostgreSQL orders uuids by their bytes, i.e. as their text forms sort
        for (int i = 0; i < 1_000; i++) {
            UUID earlier = TimeOrderedIds.at(1_000_000L + i);
            UUID later = TimeOrderedIds.at(1_000_001L + i);
            assertTrue(later.toString().compareTo(earlier.toString()) > 0, later + " should sort after " + earlier);
        }
    }

    @Test
    void ids_of_one_millisecond_differ_in_their_random_bits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(42L));
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void refuses_a_time_beyond_48_bits_and_a_uuid_of_another_version() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.at(1L << 48));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.at(-1));
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.unixMillisOf(UUID.randomUUID()));
    }
}
