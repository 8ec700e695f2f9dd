package org.endow.donations.registrations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.endow.donations.giving.model.StaffActions;
import org.endow.donations.registrations.model.BankRefund;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.platform.problem.ProblemException;

/**
 * Refunds the card could not take are owed by bank transfer: staff list them (whom to pay, how much, why not
 * on the card), send each transfer from the bank, and record it here once; the registrant is told, and the
 * decision is audited.
 */
@Singleton
public class SendingBankRefunds {

    private final TicketedEvents events;
    private final Registrations registrations;
    private final MailOutbox mails;
    private final StaffActions audit;
    private final Clock clock;

    SendingBankRefunds(
            TicketedEvents events, Registrations registrations, MailOutbox mails, StaffActions audit, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /** The event's refunds due by bank, those still owed first. */
    @Transactional
    public List<BankRefund> list(String eventCode) {
        event(eventCode);
        return registrations.bankRefunds(eventCode);
    }

    /**
     * Records that staff sent the registrant's refund by bank transfer.
     *
     * @throws ProblemException 404 unknown event or registrant, 409 no refund due by bank or already recorded,
     *     422 no reference
     */
    @Transactional
    public BankRefund recordSent(String staffId, String eventCode, String email, String reference) {
        TicketedEvent event = event(eventCode);
        String registrant;
        try {
            registrant = Registration.normalisedEmail(email);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("email", e.getMessage());
        }
        BankRefund owed = registrations
                .lockBankRefund(eventCode, registrant)
                .orElseThrow(() -> registrations.exists(eventCode, registrant)
                        ? ProblemException.conflict("No refund is due by bank to " + registrant + " for " + event.name()
                                + " (not answered yet, refunded on the card, or nothing refunded)")
                        : ProblemException.notFound("No registrant " + registrant + " for " + event.name()));
        Instant now = clock.instant();
        BankRefund sent;
        try {
            sent = owed.sentBy(staffId, reference, now);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("reference", e.getMessage());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        registrations.recordBankRefundSent(sent);
        String transfer = sent.sent().orElseThrow().reference();
        audit.record(
                staffId,
                "registrations.bank-refund.sent",
                eventCode + "/" + registrant,
                sent.amount().withSymbol() + " by bank transfer, reference " + transfer,
                now);
        mails.enqueue(Mail.text(
                registrant,
                "Your refund for " + event.name() + " is on its way",
                "Dear " + sent.name() + ",\n\nwe have sent your refund of "
                        + sent.amount().withSymbol() + " for " + event.name()
                        + " by bank transfer (reference: " + transfer
                        + "). It may take a few working days to reach your account; if it has not arrived within two"
                        + " weeks, please write to us.\n\nThe Endow Foundation\n"));
        return sent;
    }

    private TicketedEvent event(String eventCode) {
        return events.find(eventCode).orElseThrow(() -> ProblemException.notFound("No event " + eventCode));
    }
}
