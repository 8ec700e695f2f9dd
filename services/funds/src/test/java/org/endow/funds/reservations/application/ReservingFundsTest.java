package org.endow.funds.reservations.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.endow.events.EventEnvelope;
import org.endow.events.EventSamples;
import org.endow.events.EventType;
import org.endow.events.funds.v1.FundEvents;
import org.endow.events.funds.v1.FundsUnavailable;
import org.endow.events.grants.v1.GrantApprovalRequested;
import org.endow.events.grants.v1.GrantDisbursed;
import org.endow.events.grants.v1.GrantEvents;
import org.endow.events.grants.v1.GrantWithdrawn;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.ledger.application.InMemoryFundedItems;
import org.endow.funds.ledger.application.InMemoryJournal;
import org.endow.funds.ledger.model.Account;
import org.endow.funds.ledger.model.Journal;
import org.endow.funds.ledger.model.JournalEntry;
import org.endow.funds.reservations.model.Reservation;
import org.endow.kernel.Money;
import org.endow.platform.testing.RecordingOutbox;
import org.junit.jupiter.api.Test;

/**
 * The grant-approval saga on the funds side, fed with the golden samples of the grants' events;
 * what it answers is checked against the golden samples of the funds' events.
 */
class ReservingFundsTest {

    static final Instant RESERVED_AT = Instant.parse("2026-12-01T16:00:01Z");
    static final Instant RELEASED_AT = Instant.parse("2026-12-10T11:15:02Z");

    final FakeLedger ledger = new FakeLedger();
    final InMemoryReservations reservations = new InMemoryReservations();
    final RecordingOutbox outbox = new RecordingOutbox();
    final Availability availability = new Availability(ledger.journal, reservations);
    final ReservingFunds reserving = new ReservingFunds(
            ledger.items, reservations, availability, outbox, Clock.fixed(RESERVED_AT, ZoneOffset.UTC));
    final ReleasingFunds releasing =
            new ReleasingFunds(ledger.items, reservations, outbox, Clock.fixed(RELEASED_AT, ZoneOffset.UTC));

    {
        ledger.items.add(new FundedItem(
                "core-sprint-2027",
                "Sprint",
                "",
                FundedItem.Kind.EVENT,
                Money.of(8_000_000, "USD"),
                FundedItem.Status.OPEN));
    }

    @Test
    void a_grant_within_what_the_item_raised_is_reserved_as_the_sample_says() throws IOException {
        ledger.raise("core-sprint-2027", 1_200_000);

        reserving.handle(sample(GrantEvents.GRANT_APPROVAL_REQUESTED));

        assertEquals(1, outbox.payloads(FundEvents.FUNDS_RESERVED).size());
        assertSamePayload(
                FundEvents.FUNDS_RESERVED,
                outbox.payloads(FundEvents.FUNDS_RESERVED).getFirst());
        assertEquals(400_000, availability.available("core-sprint-2027", "USD").minor());
    }

    @Test
    void a_grant_larger_than_what_is_available_is_refused_saying_how_much_there_is() throws IOException {
        ledger.raise("core-sprint-2027", 350_000);

        reserving.handle(sample(GrantEvents.GRANT_APPROVAL_REQUESTED));

        assertTrue(reservations.byGrant.isEmpty());
        assertSamePayload(
                FundEvents.FUNDS_UNAVAILABLE,
                outbox.payloads(FundEvents.FUNDS_UNAVAILABLE).getFirst());
    }

    @Test
    void pledged_money_is_not_available_until_it_is_received() throws IOException {
        reserving.handle(sample(GrantEvents.GRANT_APPROVAL_REQUESTED));

        FundsUnavailable refused = outbox.payloads(FundEvents.FUNDS_UNAVAILABLE).getFirst();
        assertEquals(0, refused.availableMinor());
    }

    @Test
    void a_repeated_request_for_the_same_grant_reserves_once() throws IOException {
        ledger.raise("core-sprint-2027", 2_000_000);
        EventEnvelope<GrantApprovalRequested> request = sample(GrantEvents.GRANT_APPROVAL_REQUESTED);
        EventEnvelope<GrantApprovalRequested> retried = new EventEnvelope<>(
                UUID.randomUUID(),
                request.type(),
                1,
                request.occurredAt(),
                request.aggregateId(),
                null,
                request.payload());

        reserving.handle(request);
        reserving.handle(retried);

        assertEquals(1, reservations.byGrant.size());
        assertEquals(
                1_200_000, availability.available("core-sprint-2027", "USD").minor());
        assertEquals(2, outbox.payloads(FundEvents.FUNDS_RESERVED).size(), "both requests get the same answer");
    }

    @Test
    void a_withdrawn_grant_releases_its_money_once() throws IOException {
        ledger.raise("core-sprint-2027", 1_200_000);
        reserving.handle(sample(GrantEvents.GRANT_APPROVAL_REQUESTED));

        EventEnvelope<GrantWithdrawn> withdrawn = sample(GrantEvents.GRANT_WITHDRAWN);
        releasing.handle(withdrawn);
        releasing.handle(withdrawn);

        assertEquals(
                Reservation.Status.RELEASED,
                reservations.byGrant.values().iterator().next().status());
        assertEquals(
                1_200_000, availability.available("core-sprint-2027", "USD").minor());
        assertEquals(1, outbox.payloads(FundEvents.FUNDS_RELEASED).size());
        assertSamePayload(
                FundEvents.FUNDS_RELEASED,
                outbox.payloads(FundEvents.FUNDS_RELEASED).getFirst());
    }

    @Test
    void a_paid_milestone_leaves_the_ledger_and_turns_that_much_of_the_reservation_into_disbursed() throws IOException {
        ledger.raise("core-sprint-2027", 1_200_000);
        reserving.handle(sample(GrantEvents.GRANT_APPROVAL_REQUESTED)); // 800,000 reserved
        RecordingGrantPayment paying = new RecordingGrantPayment(ledger.items, reservations, ledger.journal);

        EventEnvelope<GrantDisbursed> paid = sample(GrantEvents.GRANT_DISBURSED); // 400,000, milestone 1
        paying.handle(paid);

        Reservation reservation = reservations.byGrant.values().iterator().next();
        assertEquals(400_000, reservation.disbursed().minor());
        assertEquals(Reservation.Status.RESERVED, reservation.status());
        var balances = ledger.journal.balances("core-sprint-2027", "USD");
        assertEquals(800_000, balances.get(Account.CASH), "1,200,000 received less 400,000 paid");
        assertEquals(400_000, balances.get(Account.GRANTS_PAID));
        // held 800,000, of which 400,000 still reserved for the grant's second milestone
        assertEquals(400_000, availability.available("core-sprint-2027", "USD").minor());

        paying.handle(new EventEnvelope<>(
                UUID.randomUUID(),
                paid.type(),
                1,
                paid.occurredAt(),
                paid.aggregateId(),
                null,
                new GrantDisbursed(
                        paid.payload().grantId(), "core-sprint-2027", 2, 400_000, "USD", paid.occurredAt())));
        assertEquals(Reservation.Status.DISBURSED, reservation.status());
        assertEquals(400_000, availability.available("core-sprint-2027", "USD").minor());
    }

    @Test
    void a_grant_withdrawn_after_a_paid_milestone_releases_only_what_is_still_reserved() throws IOException {
        ledger.raise("core-sprint-2027", 1_200_000);
        reserving.handle(sample(GrantEvents.GRANT_APPROVAL_REQUESTED)); // 800,000 reserved
        new RecordingGrantPayment(ledger.items, reservations, ledger.journal)
                .handle(sample(GrantEvents.GRANT_DISBURSED)); // 400,000 paid, milestone 1

        releasing.handle(sample(GrantEvents.GRANT_WITHDRAWN));

        assertEquals(
                400_000, outbox.payloads(FundEvents.FUNDS_RELEASED).getFirst().amountMinor(), "not the 800,000");
        assertEquals(
                800_000,
                availability.available("core-sprint-2027", "USD").minor(),
                "1,200,000 received, 400,000 paid, nothing reserved any more");
    }

    @Test
    void an_unknown_item_or_a_foreign_currency_is_refused() {
        reserving.handle(envelope(new GrantApprovalRequested("g-1", "nope", 100, "USD", RESERVED_AT)));
        reserving.handle(envelope(new GrantApprovalRequested("g-2", "core-sprint-2027", 100, "EUR", RESERVED_AT)));

        assertEquals(2, outbox.payloads(FundEvents.FUNDS_UNAVAILABLE).size());
        assertTrue(reservations.byGrant.isEmpty());
    }

    private static <T> EventEnvelope<T> envelope(T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), "test", 1, RESERVED_AT, "g", null, payload);
    }

    @SuppressWarnings("unchecked") // the Argument names the payload type T
    private static <T> EventEnvelope<T> sample(EventType<T> type) throws IOException {
        return ObjectMapper.getDefault()
                .readValue(EventSamples.read(type), Argument.of(EventEnvelope.class, type.payloadType()));
    }

    /** Producer side of the contract: what the funds service wrote is the sample's payload. */
    private static <T> void assertSamePayload(EventType<T> type, T written) throws IOException {
        ObjectMapper json = ObjectMapper.getDefault();
        JsonNode expected =
                json.readValue(EventSamples.read(type), JsonNode.class).get("payload");
        assertEquals(expected, json.readValue(json.writeValueAsString(written), JsonNode.class));
    }

    /** The ledger's side: items, and money received for them. */
    static final class FakeLedger {
        final InMemoryFundedItems items = new InMemoryFundedItems();
        final Journal journal = new InMemoryJournal();

        void raise(String fund, long minor) {
            UUID pledge = UUID.randomUUID();
            journal.append(JournalEntry.pledge(pledge, "d", fund, Money.of(minor, "USD"), RESERVED_AT));
            journal.append(JournalEntry.receipt(UUID.randomUUID(), "d", fund, Money.of(minor, "USD"), RESERVED_AT));
        }
    }
}
