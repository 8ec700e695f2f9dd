package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A poll in which every record fails: its retries take far longer than {@code max.poll.interval.ms}, set here to 4 s
 * (so the scenario runs in seconds). The consumer must poll again in time, whatever fails, or it is put out of its
 * group, the same records are read again, and nothing moves on.
 */
class PollBudgetIT {

    static ShortPolls consumer;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = ShortPolls.properties("4s");
        properties.put("test.always-failing-handler", true);
        // one failing record: 3 attempts, 10 + 20 ms of back-off; 200 of them take longer than the poll interval
        properties.put("endow.messaging.handler-attempts", 3);
        // a handler's statement is cancelled after 250 ms: that counts too (3 x 250 ms per record, 2 x 250 ms for the
        // dead letters' write)
        properties.put("endow.messaging.handler-statement-timeout", "250ms");
        properties.put("endow.messaging.handler-lock-timeout", "250ms");
        consumer = ShortPolls.start(properties);
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void a_poll_of_failing_records_keeps_the_consumer_in_its_group_and_each_is_dead_lettered_once() {
        String run = "budget-" + UUID.randomUUID();
        List<String> bad = new ArrayList<>();
        List<String> good = new ArrayList<>();
        Outbox outbox = consumer.bean(Outbox.class);
        consumer.transactions.executeWrite(status -> {
            // four keys: the good events sit behind the failing ones on their partitions
            for (int i = 0; i < 200; i++) {
                String id = run + "-bad-" + i;
                bad.add(id);
                outbox.append(
                        DonationEvents.DONATION_PLEDGED,
                        run + "-key-" + (i % 4),
                        MessagingScenarios.pledge(id, AlwaysFailingHandler.FUND));
            }
            for (int i = 0; i < 20; i++) {
                String id = run + "-good-" + i;
                good.add(id);
                outbox.append(
                        DonationEvents.DONATION_PLEDGED,
                        run + "-key-" + (i % 4),
                        MessagingScenarios.pledge(id, MessagingScenarios.NO_SERVICE_FUND));
            }
            return null;
        });
        long start = System.nanoTime();

        String letters = "select count(*) from dead_letter where consumer = 'platform-test.always-failing'"
                + " and payload like '%" + run + "-bad-%'";
        String applied = "select count(*) from test_effect where donation_id like '" + run + "-good-%'";
        await().atMost(Duration.ofSeconds(120))
                .until(() -> count(letters) >= bad.size() && count(applied) >= good.size());
        System.out.printf(
                "PollBudgetIT: %d dead letters and %d applied events in %d ms%n",
                bad.size(), good.size(), (System.nanoTime() - start) / 1_000_000);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> count(letters) == bad.size());
        assertEquals(
                bad.size(),
                count("select count(distinct event_id) from dead_letter where payload like '%" + run + "-bad-%'"
                        + " and attempts = 3"));
        assertEquals(bad.size(), MessagingScenarios.deadLetterCopies(run + "-bad-"), "copies on the dead-letter topic");
        for (String id : good) {
            assertEquals(1, count("select count(*) from test_effect where donation_id = '" + id + "'"), id);
        }
        assertEquals(0, count("select count(*) from test_effect where donation_id like '" + run + "-bad-%'"));
        consumer.assertKeptItsPartitions();
    }

    static long count(String sql) {
        return consumer.count(sql);
    }
}
