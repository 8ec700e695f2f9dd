package org.endow.donations.registrations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.endow.donations.giving.model.StaffActions;
import org.endow.donations.registrations.model.OfferToken;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;
import org.endow.kernel.HumanTime;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.platform.problem.ProblemException;

/** Staff cancel an event: each registrant gets a personal link to choose refund or donation. */
@Singleton
public class CancellingEvent {

    private final TicketedEvents events;
    private final Registrations registrations;
    private final MailOutbox mails;
    private final OfferLinks links;
    private final StaffActions audit;
    private final Clock clock;

    CancellingEvent(
            TicketedEvents events,
            Registrations registrations,
            MailOutbox mails,
            OfferLinks links,
            StaffActions audit,
            Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.mails = mails;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return how many registrants were sent an offer */
    @Transactional
    public int cancel(String staffId, String eventCode) {
        Instant now = clock.instant();
        TicketedEvent event =
                events.find(eventCode).orElseThrow(() -> ProblemException.notFound("No event " + eventCode));
        try {
            event.cancel(now);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        events.update(event);
        int sent = 0;
        for (Registration registration : registrations.ofEvent(eventCode)) {
            OfferToken token = OfferToken.random();
            registrations.setOfferTokenHash(eventCode, registration.email(), token.hash());
            mails.enqueue(Mail.text(
                    registration.email(),
                    event.name() + " is cancelled: refund or donation?",
                    offer(event, registration, links.link(token))));
            sent++;
        }
        audit.record(staffId, "registrations.event.cancelled", eventCode, sent + " offers sent", now);
        return sent;
    }

    static String offer(TicketedEvent event, Registration registration, String link) {
        return "Dear " + registration.name() + ",\n\n"
                + "we are sorry: " + event.name() + " is cancelled. You paid "
                + registration.paid().withSymbol() + " for your " + registration.ticketType() + " ticket.\n\n"
                + "Please choose, until " + HumanTime.minute(event.deadline())
                + ", whether you want it refunded, donate it all,\n"
                + "or donate part of it and have the rest refunded:\n\n"
                + link + "\n\n"
                + "If you do not answer by then, we will "
                + (event.defaultAnswer() == org.endow.donations.registrations.model.DefaultAnswer.REFUND
                        ? "refund you in full"
                        : "keep the amount as a donation (with a receipt)")
                + ".\n\nThe Endow Foundation\n";
    }
}
