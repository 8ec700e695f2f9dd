package org.endow.donations.giving.application;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endow.donations.fundeditems.model.FundedItem;
import org.endow.donations.fundeditems.model.FundedItems;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonationStatus;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.InstructionDocuments;
import org.endow.donations.giving.model.PaymentInstructions;
import org.endow.donations.giving.model.PaymentMethod;
import org.endow.events.EventEnvelope;
import org.endow.events.EventType;
import org.endow.events.donations.v1.DonationEvents;
import org.endow.events.donations.v1.DonationPledged;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.platform.messaging.BatchedEventHandler;
import org.endow.platform.messaging.UnprocessableEvent;
import org.endow.platform.problem.ProblemException;

/**
 * A donor who pledged by bank transfer or cheque gets the instructions by email, with a PDF to keep:
 * the account, the amount, the reference to quote. Off the request path (a consumer of the service's
 * own {@code DonationPledged}), once per pledge; also downloadable on request.
 */
@Singleton
public class SendingPaymentInstructions implements BatchedEventHandler<DonationPledged> {

    private final Donations donations;
    private final FundedItems items;
    private final InstructionDocuments documents;
    private final PaymentInstructions.BankDetails bank;
    private final MailOutbox mail;

    SendingPaymentInstructions(
            Donations donations,
            FundedItems items,
            InstructionDocuments documents,
            PaymentInstructions.BankDetails bank,
            MailOutbox mail) {
        this.donations = donations;
        this.items = items;
        this.documents = documents;
        this.bank = bank;
        this.mail = mail;
    }

    @Override
    public EventType<DonationPledged> eventType() {
        return DonationEvents.DONATION_PLEDGED;
    }

    @Override
    public String consumerName() {
        return "donations.payment-instructions";
    }

    @Override
    public void handle(EventEnvelope<DonationPledged> event) {
        handleAll(List.of(event));
    }

    /** A run of pledges: their donations read at once, their mails queued with one write. */
    @Override
    public void handleAll(List<EventEnvelope<DonationPledged>> events) {
        List<DonationId> ids = events.stream()
                .map(event -> UnprocessableEvent.reading(
                        "donation id " + event.payload().donationId(),
                        () -> new DonationId(UUID.fromString(event.payload().donationId()))))
                .toList();
        Map<DonationId, Donation> found = donations.findAll(ids);
        List<Mail> mails = new ArrayList<>();
        for (DonationId id : ids) {
            Donation donation = found.get(id);
            // card gifts and gifts already paid (converted registrations) need no instructions
            if (donation == null
                    || donation.method() == PaymentMethod.CARD
                    || donation.status() != DonationStatus.PLEDGED
                    || donation.options().contact() == null) {
                continue;
            }
            PaymentInstructions instructions = instructionsFor(donation);
            mails.add(new Mail(
                            donation.options().contact().email(),
                            "How to pay your gift — reference " + instructions.reference(),
                            text(instructions),
                            List.of())
                    .with(Mail.Attachment.pdf(
                            "payment-instructions-" + instructions.reference() + ".pdf",
                            documents.render(instructions))));
        }
        if (!mails.isEmpty()) {
            mail.enqueueAll(mails);
        }
    }

    /** The instructions' PDF for the donor who pledged, or staff. */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public byte[] document(DonationId id, org.endow.donations.giving.model.DonorId viewer, boolean staff) {
        Donation donation = donations
                .find(id)
                .filter(d -> staff || d.belongsTo(viewer))
                .filter(d -> d.method() != PaymentMethod.CARD)
                .orElseThrow(() -> ProblemException.notFound("No payment instructions for donation " + id));
        return documents.render(instructionsFor(donation));
    }

    private PaymentInstructions instructionsFor(Donation donation) {
        String purpose = items.find(donation.fundCode())
                .map(FundedItem::title)
                .filter(t -> !"general".equals(donation.fundCode()))
                .orElse("the general fund");
        return PaymentInstructions.of(donation, purpose, bank);
    }

    private static String text(PaymentInstructions i) {
        String how = i.method() == PaymentMethod.CHEQUE
                ? "Please make your cheque payable to " + i.bank().accountName() + " and send it to:\n"
                        + i.bank().chequeAddress() + "\nWrite the reference " + i.reference() + " on the back."
                : "Please transfer the amount to:\n  Account name: " + i.bank().accountName() + "\n  IBAN: "
                        + i.bank().iban() + "\n  BIC: " + i.bank().bic() + "\nand quote the reference "
                        + i.reference() + ".";
        return "Dear " + i.donorName() + ",\n\nThank you for pledging "
                + i.amount().withSymbol() + " to "
                + i.purpose() + ".\n\n" + how
                + "\n\nThe same instructions are attached as a PDF. Your receipt follows as soon as the money"
                + " arrives.";
    }
}
