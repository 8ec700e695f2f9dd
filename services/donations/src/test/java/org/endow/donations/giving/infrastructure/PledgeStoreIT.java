package org.endow.donations.giving.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.endow.devstack.Database;
import org.endow.devstack.TestInfra;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.application.PledgeCommand;
import org.endow.donations.giving.application.PledgingDonation;
import org.endow.donations.giving.application.RecordingReceipt;
import org.endow.donations.giving.model.DonorId;
import org.endow.platform.problem.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pledge's writes against a real PostgreSQL: one insert that tells a retry, the funded items' kept copy. */
class PledgeStoreIT {

    static ApplicationContext context;
    static TransactionOperations<Connection> tx;
    static PledgingDonation pledging;
    static FundedItems items;
    static RecordingReceipt receiving;

    @BeforeAll
    @SuppressWarnings("unchecked") // the JDBC transaction manager is TransactionOperations<Connection>
    static void start() {
        Database db = TestInfra.get().freshDatabase("donations_pledges");
        context = ApplicationContext.run(Map.of(
                "datasources.default.url",
                db.jdbcUrl(),
                "datasources.default.username",
                db.username(),
                "datasources.default.password",
                db.password(),
                "datasources.default.maximum-pool-size",
                12,
                "kafka.bootstrap.servers",
                TestInfra.get().kafkaBootstrapServers(),
                "endow.messaging.service",
                "donations-pledges-it-" + UUID.randomUUID(),
                "endow.messaging.consumer-enabled",
                false,
                "endow.messaging.relay-enabled",
                false,
                "micronaut.server.port",
                -1,
                "endow.jwt.public-key",
                TestInfra.get().jwtKeys().publicKeyPem()));
        tx = context.getBean(TransactionOperations.class);
        pledging = context.getBean(PledgingDonation.class);
        items = context.getBean(FundedItems.class);
        receiving = context.getBean(RecordingReceipt.class);
        tx.executeWrite(status -> {
            items.save(new FundedItem("packaging", "Packaging", "PROJECT", 40_000_000, "USD", "OPEN"));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    static PledgeCommand pledge(String donor, String key) {
        return PledgeCommand.oneTime(
                donor == null ? null : new DonorId(donor),
                "Ada",
                "ada@example.org",
                2_500,
                "USD",
                "packaging",
                "BANK_TRANSFER",
                key);
    }

    @Test
    void twelve_concurrent_requests_with_one_key_make_one_pledge_and_all_get_it() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<PledgingDonation.Result>> same = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                same.add(() -> pledging.pledge(pledge("donor-concurrent", key)));
            }
            List<PledgingDonation.Result> results = new ArrayList<>();
            for (Future<PledgingDonation.Result> result : pool.invokeAll(same)) {
                results.add(result.get());
            }
            assertEquals(
                    1, results.stream().filter(PledgingDonation.Result::created).count());
            assertEquals(
                    1,
                    results.stream().map(r -> r.donation().id()).distinct().count(),
                    "every request answers with the one pledge");
            assertEquals(1L, count("select count(*) from donation where idempotency_key = '" + key + "'"));
            assertEquals(
                    1L,
                    count("select count(*) from outbox_message where message_key = '"
                            + results.getFirst().donation().id() + "'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staff_reconciling_one_transfer_at_once_record_it_once() throws Exception {
        var id = pledging.pledge(pledge("donor-transfer", UUID.randomUUID().toString()))
                .donation()
                .id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String staff = "staff-" + i;
                clicks.add(() -> {
                    try {
                        receiving.receive(staff, id, "statement line 42");
                        return 200;
                    } catch (ProblemException e) {
                        return e.status().getCode();
                    }
                });
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(clicks)) {
                answers.add(answer.get());
            }
            assertEquals(1, answers.stream().filter(code -> code == 200).count(), answers.toString());
            assertEquals(7, answers.stream().filter(code -> code == 409).count(), answers.toString());
            assertEquals(
                    1L,
                    count("select count(*) from outbox_message where message_key = '" + id
                            + "' and event_type = 'donations.DonationReceived'"),
                    "one DonationReceived for the ledger");
            assertEquals(
                    1L,
                    count("select count(*) from audit_log where action = 'donation.received' and target = '" + id
                            + "'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_key_is_each_donors_own_and_guests_share_one_space() {
        String key = UUID.randomUUID().toString();
        assertTrue(pledging.pledge(pledge("donor-a", key)).created());
        assertTrue(pledging.pledge(pledge("donor-b", key)).created(), "another donor's same key is a new pledge");
        assertTrue(pledging.pledge(pledge(null, key)).created(), "a guest's key is not a donor's");
        assertFalse(pledging.pledge(pledge(null, key)).created(), "the same guest key again is a retry");
        assertEquals(3L, count("select count(*) from donation where idempotency_key = '" + key + "'"));
    }

    @Test
    void an_item_closed_by_this_instance_refuses_the_next_pledge_at_once() {
        tx.executeWrite(status -> {
            items.save(new FundedItem("sprint", "Sprint", "EVENT", 5_000_000, "USD", "OPEN"));
            return null;
        });
        PledgeCommand toSprint = PledgeCommand.oneTime(
                new DonorId("donor-c"), "Ada", "ada@example.org", 2_500, "USD", "sprint", "BANK_TRANSFER", null);
        assertTrue(pledging.pledge(toSprint).created(), "open: the kept copy was dropped when it was saved");

        tx.executeWrite(status -> {
            items.save(new FundedItem("sprint", "Sprint", "EVENT", 5_000_000, "USD", "CLOSED"));
            return null;
        });
        ProblemException refused =
                org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () -> pledging.pledge(toSprint));
        assertTrue(refused.getMessage().contains("no longer takes gifts"), refused.getMessage());
    }

    @Test
    void a_save_that_rolls_back_leaves_no_trace_in_the_kept_copy() {
        tx.executeWrite(status -> {
            items.save(new FundedItem("docs", "Docs", "PROJECT", 1_000_000, "USD", "OPEN"));
            return null;
        });
        assertEquals("OPEN", status("docs"));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> tx.executeWrite(status -> {
                    items.save(new FundedItem("docs", "Docs", "PROJECT", 1_000_000, "USD", "CLOSED"));
                    // read inside the writing transaction: it sees its own change, which must not be kept
                    assertEquals("CLOSED", items.find("docs").orElseThrow().status());
                    throw new IllegalStateException("the handler failed after saving");
                }));
        assertEquals("OPEN", status("docs"));
    }

    private static String status(String code) {
        return tx.executeRead(status -> items.find(code).orElseThrow().status());
    }

    private static long count(String sql) {
        return tx.executeRead(status -> {
            try (var statement = status.getConnection().createStatement();
                    var rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
