package org.endow.donations.giving.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorContact;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.GiftOptions;
import org.endow.donations.giving.model.PaymentInstructions;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.events.EventEnvelope;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.kernel.Money;
import org.endow.platform.mail.Mail;
import org.endow.platform.messaging.UnprocessableEvent;
import org.endow.platform.testing.RecordingMailOutbox;
import org.junit.jupiter.api.Test;

class SendingPaymentInstructionsTest {

    static final Instant NOW = Instant.parse("2026-11-20T14:05:00Z");

    final InMemoryDonations donations = new InMemoryDonations();
    final InMemoryFundedItems items = new InMemoryFundedItems();
    final RecordingMailOutbox mail = new RecordingMailOutbox();
    final SendingPaymentInstructions sending = new SendingPaymentInstructions(
            donations,
            items,
            instructions -> ("%PDF " + instructions.reference()).getBytes(StandardCharsets.US_ASCII),
            new PaymentInstructions.BankDetails("Endow Foundation", "GB00 TEST", "TESTGB00", "1 Main St"),
            mail);

    {
        items.save(new FundedItem("packaging", "Packaging work", "PROJECT", 40_000_000, "USD", "OPEN"));
    }

    private Donation pledged(String email, PaymentMethod method) {
        Donation donation = Donation.from(Donation.pledge(
                DonationId.random(),
                new DonorId("donor-" + email),
                GiftOptions.oneTime(new DonorContact("Donor " + email, email)),
                Money.of(2_500, "USD"),
                "packaging",
                method,
                NOW));
        donations.add(donation, null);
        return donation;
    }

    private static EventEnvelope<DonationPledged> event(DonationId id) {
        return new EventEnvelope<>(
                UUID.randomUUID(),
                "donations.DonationPledged",
                1,
                NOW,
                id.toString(),
                null,
                new DonationPledged(id.toString(), "donor", 2_500, "USD", "packaging", "BANK_TRANSFER", NOW));
    }

    @Test
    void a_run_of_pledges_queues_one_mail_each_in_order_with_its_own_pdf_and_skips_what_needs_none() {
        Donation grace = pledged("grace@example.org", PaymentMethod.BANK_TRANSFER);
        Donation card = pledged("card@example.org", PaymentMethod.CARD);
        Donation ada = pledged("ada@example.org", PaymentMethod.CHEQUE);
        DonationId unknown = DonationId.random();

        sending.handleAll(List.of(event(grace.id()), event(card.id()), event(unknown), event(ada.id())));

        List<Mail> queued = mail.queued();
        assertEquals(
                List.of("grace@example.org", "ada@example.org"),
                queued.stream().map(Mail::to).toList());
        for (int i = 0; i < queued.size(); i++) {
            Donation donation = i == 0 ? grace : ada;
            String reference = PaymentInstructions.referenceOf(donation.id());
            Mail sent = queued.get(i);
            assertTrue(sent.subject().endsWith(reference), sent.subject());
            assertEquals(
                    "payment-instructions-" + reference + ".pdf",
                    sent.attachments().getFirst().filename());
            assertEquals(
                    "%PDF " + reference,
                    new String(sent.attachments().getFirst().content(), StandardCharsets.US_ASCII));
        }
        assertTrue(
                queued.get(0).text().contains("IBAN: GB00 TEST"), queued.get(0).text());
        assertTrue(
                queued.get(1).text().contains("cheque payable to Endow Foundation"),
                queued.get(1).text());
        assertTrue(
                queued.get(0).text().contains("Packaging work"), queued.get(0).text());
    }

    @Test
    void a_pledge_whose_donation_id_is_not_a_uuid_is_unprocessable_and_queues_nothing() {
        EventEnvelope<DonationPledged> broken = new EventEnvelope<>(
                UUID.randomUUID(),
                "donations.DonationPledged",
                1,
                NOW,
                "not-a-donation",
                null,
                new DonationPledged("not-a-donation", "donor", 2_500, "USD", "packaging", "BANK_TRANSFER", NOW));

        UnprocessableEvent refused = assertThrows(UnprocessableEvent.class, () -> sending.handle(broken));

        assertTrue(refused.getMessage().contains("donation id not-a-donation"), refused.getMessage());
        assertTrue(mail.queued().isEmpty());
    }
}
