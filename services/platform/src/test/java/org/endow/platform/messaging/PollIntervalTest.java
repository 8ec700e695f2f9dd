package org.endow.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.endow.platform.app.StartupFailure;
import org.junit.jupiter.api.Test;

class PollIntervalTest {

    @Test
    void the_defaults_fit_in_kafkas_default_interval_with_room_for_the_handlers() {
        MessagingProperties defaults = properties(5, "100ms", "60s", "300s");

        // 4 back-offs of 100, 200, 400, 800 ms per handler
        assertEquals(Duration.ofMillis(1500), PollInterval.worstBackoffOfOneRecord(defaults, 1));
        assertEquals(Duration.ofMillis(4500), PollInterval.worstBackoffOfOneRecord(defaults, 3));
        // 60 s budget + 4.5 s + 15 s dead letters + 5 s stall = 84.5 s, and a quarter more
        assertEquals(Duration.ofMillis(105_625), PollInterval.required(defaults, 3));
        assertDoesNotThrow(() -> PollInterval.check(defaults, 3));
    }

    @Test
    void an_interval_shorter_than_a_poll_can_take_is_refused_with_the_settings_that_make_it() {
        StartupFailure failure =
                assertThrows(StartupFailure.class, () -> PollInterval.check(properties(5, "100ms", "250s", "300s"), 1));

        assertTrue(
                failure.getMessage()
                        .startsWith("endow.messaging.consumer-max-poll-interval is PT5M but a poll can take PT5M"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("consumer-poll-budget PT4M10S"), failure.getMessage());
    }

    @Test
    void retries_whose_back_offs_alone_exceed_any_interval_are_refused_without_overflowing() {
        MessagingProperties endless = properties(200, "1s", "60s", "300s");

        assertThrows(StartupFailure.class, () -> PollInterval.check(endless, 2));
        assertTrue(PollInterval.required(endless, 2).compareTo(Duration.ofDays(365 * 1000L)) > 0);
    }

    @Test
    void one_attempt_has_no_back_off() {
        MessagingProperties quick = properties(1, "100ms", "1s", "3s");

        assertEquals(Duration.ZERO, PollInterval.worstBackoffOfOneRecord(quick, 4));
        // 1 s budget + 15 s dead letters + 5 s stall = 21 s, and a quarter more
        assertEquals(Duration.ofMillis(26_250), PollInterval.required(quick, 4));
    }

    private static MessagingProperties properties(int attempts, String backoff, String budget, String interval) {
        return new MessagingProperties(
                "test",
                true,
                500,
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                true,
                attempts,
                parse(backoff),
                Duration.ofSeconds(30),
                1,
                1,
                Duration.ofMillis(500),
                parse(budget),
                parse(interval),
                Duration.ofSeconds(15),
                Duration.ofSeconds(5));
    }

    private static Duration parse(String text) {
        return text.endsWith("ms")
                ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
}
