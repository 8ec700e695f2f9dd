package org.endow.donations.receipts.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.DonorContacts;
import org.endow.donations.receipts.model.Receipt;
import org.endow.donations.receipts.model.ReceiptContent;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.donations.receipts.model.Receipts;
import org.endow.events.EventEnvelope;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.platform.testing.RecordingMailOutbox;
import org.junit.jupiter.api.Test;

class IssuingReceiptTest {

    final Map<String, Receipt> issued = new HashMap<>();
    final Map<String, byte[]> pdfs = new HashMap<>();
    final List<ReceiptContent> rendered = new ArrayList<>();
    final Map<Integer, Integer> counters = new HashMap<>();
    final RecordingMailOutbox mail = new RecordingMailOutbox();
    final Map<DonorId, DonorContacts.Contact> contacts = new HashMap<>();

    final Receipts receipts = new Receipts() {
        @Override
        public boolean existsFor(DonationId donation) {
            return issued.values().stream().anyMatch(r -> r.donation().equals(donation));
        }

        @Override
        public void add(Receipt receipt, byte[] pdf) {
            issued.put(receipt.number().toString(), receipt);
            pdfs.put(receipt.number().toString(), pdf);
        }

        @Override
        public Optional<Receipt> find(ReceiptNumber number) {
            return Optional.ofNullable(issued.get(number.toString()));
        }

        @Override
        public Optional<byte[]> document(ReceiptNumber number) {
            return Optional.ofNullable(pdfs.get(number.toString()));
        }

        @Override
        public List<Receipt> of(DonorId donor) {
            return issued.values().stream().filter(r -> r.donor().equals(donor)).toList();
        }
    };

    final FundedItems items = new FundedItems() {
        @Override
        public Optional<FundedItem> find(String code) {
            return "packaging".equals(code)
                    ? Optional.of(new FundedItem("packaging", "Packaging work", "PROJECT", 1, "USD", "OPEN"))
                    : Optional.empty();
        }

        @Override
        public void save(FundedItem item) {}

        @Override
        public List<FundedItem> all() {
            return List.of();
        }
    };

    static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

    final org.endow.donations.giving.model.Donations donations = new org.endow.donations.giving.model.Donations() {
        @Override
        public void add(org.endow.donations.giving.model.Donation donation, String idempotencyKey) {}

        @Override
        public void update(org.endow.donations.giving.model.Donation donation) {}

        @Override
        public Optional<org.endow.donations.giving.model.Donation> find(DonationId id) {
            if (UNKNOWN.equals(id.value().toString())) {
                return Optional.empty();
            }
            // a gift recorded without its own contact: the contact comes from the donor directory
            return Optional.of(org.endow.donations.giving.model.Donation.from(
                    new org.endow.donations.giving.model.DonationEvent.DonationPledged(
                            id,
                            new DonorId("donor-1"),
                            new org.endow.donations.giving.model.GiftOptions(
                                    null,
                                    org.endow.donations.giving.model.Frequency.ONE_TIME,
                                    null,
                                    org.endow.donations.giving.model.Recognition.NONE),
                            org.endow.kernel.Money.of(100, "USD"),
                            "general",
                            org.endow.donations.giving.model.PaymentMethod.BANK_TRANSFER,
                            Instant.parse("2026-12-30T10:00:00Z"))));
        }

        @Override
        public Optional<org.endow.donations.giving.model.Donation> lock(DonationId id) {
            return Optional.empty();
        }

        @Override
        public Optional<org.endow.donations.giving.model.Donation> findByIdempotencyKey(
                DonorId donor, String idempotencyKey) {
            return Optional.empty();
        }

        @Override
        public List<org.endow.donations.giving.model.Donation> byDonor(DonorId donor) {
            return List.of();
        }
    };

    final IssuingReceipt issuing = new IssuingReceipt(
            receipts,
            donations,
            year -> new ReceiptNumber(year, counters.merge(year, 1, Integer::sum)),
            content -> {
                rendered.add(content);
                return ("%PDF receipt " + content.number()).getBytes();
            },
            new DonorContacts() {
                @Override
                public void remember(DonorId donor, Contact contact) {
                    contacts.put(donor, contact);
                }

                @Override
                public Optional<Contact> find(DonorId donor) {
                    return Optional.ofNullable(contacts.get(donor));
                }
            },
            items,
            mail,
            new ReceiptContent.Foundation("Endow Foundation", "1 Main St", "EIN 12-3456789", "Ada, Treasurer"),
            ZoneId.of("UTC"),
            Clock.fixed(Instant.parse("2027-01-02T10:00:00Z"), ZoneOffset.UTC));

    final IssuingAnnualStatement statements = new IssuingAnnualStatement(
            receipts,
            donations,
            items,
            statement -> new byte[0],
            new ReceiptContent.Foundation("Endow Foundation", "1 Main St", "EIN 12-3456789", "Ada, Treasurer"),
            ZoneId.of("UTC"),
            1,
            Clock.fixed(Instant.parse("2027-01-02T10:00:00Z"), ZoneOffset.UTC));

    private static EventEnvelope<DonationReceived> paid(String donation, long minor, String fund) {
        return paid(donation, minor, fund, Instant.parse("2026-12-31T23:30:00Z"));
    }

    private static EventEnvelope<DonationReceived> paid(String donation, long minor, String fund, Instant receivedAt) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                "donations.DonationReceived",
                1,
                Instant.parse("2026-12-31T23:30:00Z"),
                donation,
                UUID.randomUUID().toString(),
                new DonationReceived(
                        donation, "donor-1", minor, "USD", fund, "BANK_TRANSFER", receivedAt, "BACS 1", null));
    }

    @Test
    void a_paid_gift_gets_a_numbered_receipt_emailed_with_its_pdf() {
        contacts.put(new DonorId("donor-1"), new DonorContacts.Contact("Grace Hopper", "grace@example.org"));
        String donation = UUID.randomUUID().toString();

        issuing.handle(paid(donation, 12_345, "packaging"));

        Receipt receipt = issued.get("2026-000001");
        assertEquals("Grace Hopper", receipt.donorName());
        ReceiptContent content = rendered.getFirst();
        assertEquals("Packaging work", content.earmark());
        assertEquals("2026-12-31", content.dateReceived().toString(), "the date the money arrived");
        assertEquals("2027-01-02", content.dateIssued().toString());
        assertEquals(null, content.goodsOrServices(), "nothing was given in return");
        var sent = mail.to("grace@example.org");
        assertEquals(1, sent.size());
        assertTrue(sent.getFirst().subject().contains("2026-000001"));
        assertTrue(sent.getFirst().text().contains("$123.45"), sent.getFirst().text());
        assertEquals(
                "receipt-2026-000001.pdf",
                sent.getFirst().attachments().getFirst().filename());
    }

    @Test
    void a_gift_converted_from_a_registration_fee_says_so_on_its_receipt() {
        String donation = UUID.randomUUID().toString();
        EventEnvelope<DonationReceived> converted = paid(donation, 4_500, "general");
        DonationReceived payload = converted.payload();
        issuing.handle(new EventEnvelope<>(
                converted.eventId(),
                converted.type(),
                converted.version(),
                converted.occurredAt(),
                converted.aggregateId(),
                converted.correlationId(),
                new DonationReceived(
                        payload.donationId(),
                        payload.donorId(),
                        payload.amountMinor(),
                        payload.currency(),
                        payload.fundCode(),
                        payload.method(),
                        payload.receivedAt(),
                        "CONVERTED_REGISTRATION:PYCON2027",
                        null)));

        assertEquals(
                "Converted registration fee (PYCON2027)", rendered.getFirst().method());
    }

    @Test
    void a_payment_for_a_gift_this_service_never_recorded_is_unprocessable_and_takes_no_number() {
        org.endow.platform.messaging.UnprocessableEvent refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.endow.platform.messaging.UnprocessableEvent.class,
                () -> issuing.handle(paid(UNKNOWN, 100, "general")));
        assertTrue(refused.getMessage().contains(UNKNOWN), refused.getMessage());
        assertTrue(rendered.isEmpty(), "nothing rendered");

        issuing.handle(paid(UUID.randomUUID().toString(), 200, "general"));
        assertEquals(List.of("2026-000001"), List.copyOf(issued.keySet()), "the next receipt takes number 1");
    }

    @Test
    void a_redelivered_event_issues_nothing_more_and_numbers_follow_on() {
        String first = UUID.randomUUID().toString();
        issuing.handle(paid(first, 100, "general"));
        issuing.handle(paid(first, 100, "general"));
        issuing.handle(paid(UUID.randomUUID().toString(), 200, "general"));

        assertEquals(
                List.of("2026-000001", "2026-000002"),
                issued.keySet().stream().sorted().toList());
        assertEquals("General fund (unrestricted)", rendered.getFirst().earmark());
        assertEquals(0, mail.queued().size(), "no address known: the receipt waits in the donor's space");
    }

    @Test
    void a_gift_paid_on_31_december_and_receipted_on_2_january_is_numbered_and_stated_in_the_year_it_was_paid() {
        issuing.handle(paid(UUID.randomUUID().toString(), 3_000, "general", Instant.parse("2026-12-31T23:50:00Z")));
        issuing.handle(paid(UUID.randomUUID().toString(), 4_000, "general", Instant.parse("2027-01-02T09:00:00Z")));
        issuing.handle(paid(UUID.randomUUID().toString(), 5_000, "general", Instant.parse("2026-12-31T23:55:00Z")));

        assertEquals(
                List.of("2026-000001", "2026-000002", "2027-000001"),
                issued.keySet().stream().sorted().toList(),
                "each year's sequence without gaps; the late ones of 2026 in 2026's");
        ReceiptContent late = rendered.getFirst();
        assertEquals("2026-000001", late.number().toString());
        assertEquals("2026-12-31", late.dateReceived().toString(), "the day the money arrived");
        assertEquals("2027-01-02", late.dateIssued().toString(), "the day it was issued");
        DonorId donor = new DonorId("donor-1");
        assertEquals(
                List.of("2026-000001", "2026-000002"),
                statements.statement(donor, 2026).lines().stream()
                        .map(line -> line.receipt().toString())
                        .toList(),
                "on the annual statement of the year they were paid in");
        assertEquals(
                List.of("2027-000001"),
                statements.statement(donor, 2027).lines().stream()
                        .map(line -> line.receipt().toString())
                        .toList());
    }
}
