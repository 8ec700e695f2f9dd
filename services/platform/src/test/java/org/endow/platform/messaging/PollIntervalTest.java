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
        // 5 attempts hung until the 5 s statement timeout and 1.5 s of back-off, per handler
        assertEquals(Duration.ofMillis(26_500), PollInterval.worstOfOneRecord(defaults, 1));
        assertEquals(Duration.ofMillis(79_500), PollInterval.worstOfOneRecord(defaults, 3));
        // 60 s budget + 79.5 s + 15 s dead letters + 2 x 5 s their write + 5 s stall = 169.5 s, and a quarter more
        assertEquals(Duration.ofMillis(211_875), PollInterval.required(defaults, 3));
        assertDoesNotThrow(() -> PollInterval.check(defaults, 3));
    }

    @Test
    void a_batch_under_way_adds_one_statement_timeout() {
        MessagingProperties batched = properties(5, "100ms", "60s", "300s", "5s", 100);

        // 60 + 5 (the batch) + 26.5 + 15 + 10 + 5 = 121.5 s, and a quarter more
        assertEquals(Duration.ofMillis(151_875), PollInterval.required(batched, 1));
    }

    @Test
    void a_longer_statement_timeout_needs_a_longer_interval() {
        MessagingProperties slow = properties(5, "100ms", "60s", "300s", "30s", 1);

        // 60 + 5 x 30 + 1.5 + 15 + 2 x 30 + 5 = 291.5 s, and a quarter more: beyond Kafka's default 300 s
        assertEquals(Duration.ofMillis(364_375), PollInterval.required(slow, 1));
        StartupFailure failure = assertThrows(StartupFailure.class, () -> PollInterval.check(slow, 1));
        assertTrue(failure.getMessage().contains("handler-statement-timeout PT30S"), failure.getMessage());
    }

    @Test
    void a_statement_timeout_of_zero_which_postgresql_reads_as_none_is_refused() {
        StartupFailure failure = assertThrows(
                StartupFailure.class, () -> PollInterval.check(properties(5, "100ms", "60s", "300s", "0s", 1), 1));

        assertTrue(
                failure.getMessage().startsWith("endow.messaging.handler-statement-timeout (PT0S)"),
                failure.getMessage());
    }

    @Test
    void a_lock_timeout_longer_than_the_statement_timeout_which_would_dead_letter_lock_waits_is_refused() {
        // the helper's lock timeout is 3 s: a lock wait would be cancelled at 2 s as a statement timeout
        StartupFailure failure = assertThrows(
                StartupFailure.class, () -> PollInterval.check(properties(5, "100ms", "60s", "300s", "2s", 1), 1));

        assertTrue(
                failure.getMessage()
                        .startsWith("endow.messaging.handler-lock-timeout (PT3S) must not exceed"
                                + " handler-statement-timeout (PT2S)"),
                failure.getMessage());
        assertDoesNotThrow(() -> PollInterval.check(properties(5, "100ms", "60s", "300s", "3s", 1), 1));
    }

    @Test
    void an_interval_shorter_than_a_poll_can_take_is_refused_with_the_settings_that_make_it() {
        StartupFailure failure =
                assertThrows(StartupFailure.class, () -> PollInterval.check(properties(5, "100ms", "200s", "300s"), 1));

        assertTrue(
                failure.getMessage()
                        .startsWith("endow.messaging.consumer-max-poll-interval is PT5M but a poll can take PT5M"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("consumer-poll-budget PT3M20S"), failure.getMessage());
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
        // 1 s budget + 4 x 5 s statement timeout + 15 s dead letters + 2 x 5 s their write + 5 s stall = 51 s, and a
        // quarter more
        assertEquals(Duration.ofMillis(63_750), PollInterval.required(quick, 4));
    }

    private static MessagingProperties properties(int attempts, String backoff, String budget, String interval) {
        return properties(attempts, backoff, budget, interval, "5s", 1);
    }

    private static MessagingProperties properties(
            int attempts, String backoff, String budget, String interval, String statementTimeout, int batchSize) {
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
                parse(statementTimeout),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30),
                batchSize,
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
