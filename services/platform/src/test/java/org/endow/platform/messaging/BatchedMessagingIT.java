package org.endow.platform.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.endow.devstack.TestInfra;
import org.endow.events.donations.v1.DonationEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of {@link MessagingScenarios}, as {@link MessagingIT} runs them, again with the inbox applying up to 50 polled events per transaction
 * ({@code endow.messaging.consumer-batch-size}): duplicates inside one batch, a failing handler (the batch rolls back
 * and its events go one by one, to the dead letters), replay and housekeeping behave the same; and a run of events
 * of one type reaches a {@link BatchedEventHandler} in one call.
 */
public class BatchedMessagingIT extends MessagingScenarios {

    @BeforeAll
    static void start() {
        Map<String, Object> properties = properties(TestInfra.get().kafkaBootstrapServers());
        properties.put("endow.messaging.consumer-batch-size", 50);
        // fuller fetches: the broker answers once 1 MiB waits or after 300 ms, so events sent together arrive together
        properties.put("endow.messaging.consumer-fetch-min-bytes", 1 << 20);
        properties.put("endow.messaging.consumer-fetch-max-wait", "300ms");
        startWith(properties);
    }

    @Test
    void a_run_of_events_reaches_a_batched_handler_in_one_call_and_each_applies_once() {
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> id()).toList();
        transactions.executeWrite(status -> {
            ids.forEach(id -> outbox.append(DonationEvents.DONATION_PLEDGED, id, pledge(id, "packaging")));
            return null;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> effects(id) == 1));
        assertTrue(RecordingHandler.LARGEST_RUN.get() > 1, "largest run " + RecordingHandler.LARGEST_RUN.get());
    }
}
