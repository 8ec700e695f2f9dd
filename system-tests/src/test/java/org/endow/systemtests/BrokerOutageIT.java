package org.endow.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.endow.devstack.KafkaBroker;
import org.endow.devstack.RepoRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kills the Kafka broker with SIGKILL while donors keep pledging, then brings it back: every pledge
 * reaches the ledger exactly once. This class owns its broker (the shared one must not die).
 */
class BrokerOutageIT {

    static KafkaBroker broker;
    static EndowStack stack;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(
                Files.createDirectories(RepoRoot.find().resolve("system-tests/target")), "outage-broker");
        broker = KafkaBroker.builder().dataDir(dir).build().start();
        stack = EndowStack.start(broker.bootstrapServers(), "broker-outage");
        http = new Http(stack.gatewayUrl());
        Donor.awaitItemsKnown(http, "core-sprint-2027");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pledges_made_while_the_broker_is_dead_reach_the_ledger_exactly_once_after_it_returns() {
        Donor grace = Donor.signUp(http, "Grace Hopper");
        long before = Donor.pledged(http, "core-sprint-2027");
        long expected = 0;
        int amount = 1_000;

        for (int i = 0; i < 10; i++, amount += 7) {
            assertEquals(201, grace.pledge(amount, "core-sprint-2027").status());
            expected += amount;
        }
        broker.kill();
        for (int i = 0; i < 20; i++, amount += 7) {
            // the pledge is stored with its event in one transaction: Kafka's absence is not the donor's problem
            assertEquals(201, grace.pledge(amount, "core-sprint-2027").status());
            expected += amount;
        }
        broker.restart();
        for (int i = 0; i < 10; i++, amount += 7) {
            assertEquals(201, grace.pledge(amount, "core-sprint-2027").status());
            expected += amount;
        }

        long total = before + expected;
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Donor.pledged(http, "core-sprint-2027") >= total);
        // distinct amounts: any duplicate or loss would show in the sum
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> Donor.pledged(http, "core-sprint-2027") == total);
    }
}
