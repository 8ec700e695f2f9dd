package org.endow.donations.receipts.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.DonorContacts;
import org.endow.donations.receipts.model.Receipt;
import org.endow.donations.receipts.model.ReceiptContent;
import org.endow.donations.receipts.model.ReceiptDocuments;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.donations.receipts.model.ReceiptNumbers;
import org.endow.donations.receipts.model.Receipts;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationReceived;
import org.endow.kernel.Money;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.platform.messaging.EventHandler;
import org.endow.platform.messaging.UnprocessableEvent;

/**
 * A paid gift gets its receipt: numbered without gaps within the year the money arrived (the donor's tax year, and
 * the annual statement's), rendered once and stored, and emailed to the donor with the PDF — all in the transaction
 * that records the event as handled, off the request path. A redelivered event issues nothing more.
 */
@Singleton
public class IssuingReceipt implements EventHandler<DonationReceived> {

    private final Receipts receipts;
    private final org.endow.donations.giving.model.Donations donations;
    private final ReceiptNumbers numbers;
    private final ReceiptDocuments documents;
    private final DonorContacts contacts;
    private final FundedItems items;
    private final MailOutbox mail;
    private final ReceiptContent.Foundation foundation;
    private final ZoneId zone;
    private final Clock clock;

    IssuingReceipt(
            Receipts receipts,
            org.endow.donations.giving.model.Donations donations,
            ReceiptNumbers numbers,
            ReceiptDocuments documents,
            DonorContacts contacts,
            FundedItems items,
            MailOutbox mail,
            ReceiptContent.Foundation foundation,
            ZoneId zone,
            Clock clock) {
        this.receipts = receipts;
        this.donations = donations;
        this.numbers = numbers;
        this.documents = documents;
        this.contacts = contacts;
        this.items = items;
        this.mail = mail;
        this.foundation = foundation;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public EventType<DonationReceived> eventType() {
        return DonationEvents.DONATION_RECEIVED;
    }

    @Override
    public String consumerName() {
        return "donations.receipts";
    }

    @Override
    public void handle(EventEnvelope<DonationReceived> event) {
        DonationReceived paid = event.payload();
        DonationId donation = UnprocessableEvent.reading(
                "donation id " + paid.donationId(), () -> new DonationId(UUID.fromString(paid.donationId())));
        if (receipts.existsFor(donation)) {
            return;
        }
        // a receipt belongs to a gift of this service (its key says so); none will appear by trying again
        Donation gift = donations
                .find(donation)
                .orElseThrow(() -> new UnprocessableEvent("no donation " + donation + " to receipt in this service"));
        // the gift's own contact (a guest has no account); else the one the donor last signed in with
        DonorContacts.Contact contact = gift.options()
                .contactIfKnown()
                .map(known -> new DonorContacts.Contact(known.name(), known.email()))
                .or(() -> paid.donorId() == null
                        ? java.util.Optional.empty()
                        : contacts.find(new DonorId(paid.donorId())))
                .orElse(new DonorContacts.Contact("Donor", ""));
        DonorId donor = new DonorId(paid.donorId() != null ? paid.donorId() : "guest:" + contact.email());
        Instant now = clock.instant();
        LocalDate issued = LocalDate.ofInstant(now, zone);
        LocalDate received = LocalDate.ofInstant(paid.receivedAt(), zone);
        Money amount = Money.of(paid.amountMinor(), paid.currency());
        // numbered in the sequence of the year the money arrived, which is the donor's tax year and the annual
        // statement's: a gift of 31 December whose receipt is issued on 2 January takes last year's next number
        ReceiptNumber number = numbers.next(received.getYear());
        String earmark = items.find(paid.fundCode())
                .map(FundedItem::title)
                .filter(title -> !"general".equals(paid.fundCode()))
                .orElse("General fund (unrestricted)");
        ReceiptContent content = new ReceiptContent(
                number,
                foundation,
                contact.name(),
                contact.email(),
                received,
                issued,
                amount,
                earmark,
                describe(paid.method(), paid.reference()),
                null);
        byte[] pdf = documents.render(content);
        receipts.add(
                new Receipt(number, donation, donor, contact.name(), amount, paid.fundCode(), paid.receivedAt(), now),
                pdf);
        if (!contact.email().isBlank()) {
            mail.enqueue(new Mail(
                            contact.email(),
                            "Thank you for your gift — receipt " + number,
                            thankYou(content),
                            java.util.List.of())
                    .with(Mail.Attachment.pdf("receipt-" + number + ".pdf", pdf)));
        }
    }

    /** Gifts converted from a cancelled event's registration fee say so (the fee was paid earlier). */
    static final String CONVERTED_REGISTRATION =
            org.endow.donations.registrations.application.RecordingConvertedGift.ORIGIN + ":";

    private static String describe(String method, String reference) {
        if (reference != null && reference.startsWith(CONVERTED_REGISTRATION)) {
            return "Converted registration fee (" + reference.substring(CONVERTED_REGISTRATION.length()) + ")";
        }
        return switch (method) {
            case "BANK_TRANSFER" -> "Bank transfer";
            case "CHEQUE" -> "Cheque";
            case "CARD" -> "Card";
            default -> method;
        };
    }

    private static String thankYou(ReceiptContent content) {
        return "Dear " + content.donorName() + ",\n\n"
                + "thank you for your gift of " + content.amount().withSymbol() + " to "
                + content.foundation().name()
                + " (" + content.earmark() + "), received on " + content.dateReceived() + ".\n\n"
                + "Your receipt " + content.number() + " is attached; keep it for your tax records. "
                + "You can also download it from your giving page at any time.\n\n"
                + "With gratitude,\n" + content.foundation().signatory() + "\n"
                + content.foundation().name() + "\n";
    }
}
