package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.events.donations.v1.DonationEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A handler that hangs in the database: on a row another transaction keeps locked, or on a statement slower than any
 * poll. With {@code handler-lock-timeout} and {@code handler-statement-timeout} small, each attempt is cancelled in
 * time and the consumer polls again within {@code max.poll.interval.ms} (6 s here): it keeps its partitions. The slow
 * record is dead-lettered with the reason; the locked one is contention, not a broken event: it waits, and is applied
 * once when the lock goes, and the events behind both apply once.
 */
class HandlerTimeoutIT {

    /**
     * Longer than the poll interval and 40 lock timeouts: without the timeouts the consumer would wait that long for
     * the lock; with the lock wait taken for a failed attempt the record would be dead-lettered long before.
     */
    private static final Duration LOCK_HELD = Duration.ofSeconds(8);

    /** Whether a handler's statement is waiting for the lock the test holds. */
    private static final String WAITING_FOR_THE_LOCK = "select count(*) from pg_stat_activity"
            + " where wait_event_type = 'Lock' and query like 'update test_held_lock%'";

    static ShortPolls consumer;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = ShortPolls.properties("6s");
        properties.put("test.waiting-handler", true);
        properties.put("endow.messaging.handler-attempts", 2);
        properties.put("endow.messaging.handler-statement-timeout", "500ms");
        properties.put("endow.messaging.handler-lock-timeout", "200ms");
        consumer = ShortPolls.start(properties);
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void
            a_handler_waiting_on_a_lock_applies_once_it_is_released_a_slow_statement_is_dead_lettered_and_the_consumer_keeps_its_group()
                    throws Exception {
        String run = "timeout-" + UUID.randomUUID();
        String locked = run + "-locked";
        String slow = run + "-slow";
        List<String> good = new ArrayList<>();
        String letters = "select count(*) from dead_letter where consumer = '" + WaitingHandler.CONSUMER + "'"
                + " and payload like '%" + run + "-%'";
        String lockedLetters = "select count(*) from dead_letter where payload like '%" + locked + "%'";
        try (Connection holder = consumer.otherConnection();
                Statement lock = holder.createStatement()) {
            // another transaction (a receipt batch in another replica, a staff action) holds the row the handler needs
            holder.setAutoCommit(false);
            lock.execute("select id from test_held_lock where id = 'held' for update");
            Outbox outbox = consumer.bean(Outbox.class);
            consumer.transactions.executeWrite(status -> {
                outbox.append(
                        DonationEvents.DONATION_PLEDGED,
                        run + "-key-0",
                        MessagingScenarios.pledge(locked, WaitingHandler.LOCKED_FUND));
                outbox.append(
                        DonationEvents.DONATION_PLEDGED,
                        run + "-key-1",
                        MessagingScenarios.pledge(slow, WaitingHandler.SLOW_FUND));
                // the good events sit behind the hung ones on their partitions, and on others
                for (int i = 0; i < 12; i++) {
                    String id = run + "-good-" + i;
                    good.add(id);
                    outbox.append(
                            DonationEvents.DONATION_PLEDGED,
                            run + "-key-" + (i % 4),
                            MessagingScenarios.pledge(id, MessagingScenarios.NO_SERVICE_FUND));
                }
                return null;
            });

            // the handler waits for the lock (once the consumer has its partitions): from then on, hold it long
            await().pollInterval(Duration.ofMillis(20))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> count(WAITING_FOR_THE_LOCK) >= 1);
            long held = System.nanoTime();
            // while the lock is still held: the slow record is dead-lettered (after the earlier tests' records the
            // group reads from the earliest offset, hence the room), the locked one waits
            await().atMost(Duration.ofSeconds(30)).until(() -> count(letters) >= 1);
            long left = LOCK_HELD.toNanos() - (System.nanoTime() - held);
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left));
            }
            assertEquals(0, count(lockedLetters), "a lock wait is contention: the locked record is not dead-lettered");
            assertEquals(0, effects(locked), "applied while the lock was still held");
            System.out.printf(
                    "HandlerTimeoutIT: lock held %d ms after the handler first waited for it; 1 dead letter, the locked"
                            + " record waiting%n",
                    (System.nanoTime() - held) / 1_000_000);
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(locked) >= 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> good.stream().allMatch(id -> effects(id) >= 1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> count(letters) == 1);
        assertEquals(0, count(lockedLetters), "the locked record's dead letter");
        assertEquals(
                1,
                count("select count(*) from dead_letter where payload like '%" + slow + "%' and attempts = 2"
                        + " and error like '%canceling statement due to statement timeout%'"),
                "the slow record's dead letter and its reason");
        assertEquals(1, MessagingScenarios.deadLetterCopies(run + "-"), "copies on the dead-letter topic");
        assertEquals(1, effects(locked), "the locked record, applied once after the lock went");
        assertEquals(0, effects(slow));
        for (String id : good) {
            assertEquals(1, effects(id), id);
        }
        consumer.assertKeptItsPartitions();
    }

    @Test
    void a_dead_letter_whose_write_waits_too_long_for_a_lock_is_written_once_later_and_events_behind_it_apply_once()
            throws Exception {
        String run = "letter-lock-" + UUID.randomUUID();
        String slow = run + "-slow";
        List<String> behind = List.of(run + "-good-1", run + "-good-2");
        String letters = "select count(*) from dead_letter where payload like '%" + slow + "%'";
        try (Connection holder = consumer.otherConnection();
                Statement lock = holder.createStatement()) {
            // another transaction keeps dead_letter from being written to (reading it stays possible)
            holder.setAutoCommit(false);
            lock.execute("lock table dead_letter in exclusive mode");
            // one key, one partition: the partition is read again from the letter, the good events behind it with it
            Outbox outbox = consumer.bean(Outbox.class);
            consumer.transactions.executeWrite(status -> {
                outbox.append(
                        DonationEvents.DONATION_PLEDGED,
                        run,
                        MessagingScenarios.pledge(slow, WaitingHandler.SLOW_FUND));
                behind.forEach(id -> outbox.append(
                        DonationEvents.DONATION_PLEDGED,
                        run,
                        MessagingScenarios.pledge(id, MessagingScenarios.NO_SERVICE_FUND)));
                return null;
            });

            // the letter reaches the topic, its row's write is cancelled after the lock timeout: read again
            await().atMost(Duration.ofSeconds(30)).until(() -> MessagingScenarios.deadLetterCopies(slow) >= 2);
            assertEquals(0, count(letters));
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> count(letters) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> behind.stream().allMatch(id -> effects(id) == 1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> count(letters) == 1);
        assertEquals(
                1,
                count(letters + " and error like '%canceling statement due to statement timeout%'"),
                "the handler's reason, not the write's");
        assertEquals(0, effects(slow));
        behind.forEach(id -> assertEquals(1, effects(id), id));
        consumer.assertKeptItsPartitions();
    }

    static long effects(String donationId) {
        return count("select count(*) from test_waiting_effect where donation_id = '" + donationId + "'");
    }

    static long count(String sql) {
        return consumer.count(sql);
    }
}
