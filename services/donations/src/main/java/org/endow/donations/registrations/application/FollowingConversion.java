package org.endow.donations.registrations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.endow.donations.giving.model.StaffActions;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.Tally;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;
import org.endow.kernel.HumanTime;
import org.endow.platform.mail.Mail;
import org.endow.platform.mail.MailOutbox;
import org.endow.platform.problem.ProblemException;

/** Staff follow an event's conversion (the tally) and remind those who have not answered. */
@Singleton
public class FollowingConversion {

    private final TicketedEvents events;
    private final Registrations registrations;
    private final MailOutbox mails;
    private final StaffActions audit;
    private final Clock clock;

    FollowingConversion(
            TicketedEvents events, Registrations registrations, MailOutbox mails, StaffActions audit, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    public record EventTally(TicketedEvent event, Tally tally) {}

    @Transactional
    public EventTally tally(String eventCode) {
        TicketedEvent event = event(eventCode);
        return new EventTally(event, registrations.tally(eventCode, event.currency()));
    }

    /**
     * Reminds, at most once a day, everyone who has not answered. The reminder carries no link (only
     * the token's hash is kept): it points to the first email.
     *
     * @return how many were reminded
     */
    @Transactional
    public int remind(String staffId, String eventCode) {
        Instant now = clock.instant();
        TicketedEvent event = event(eventCode);
        try {
            event.remind(now);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        events.update(event);
        int sent = 0;
        for (Registration registration : registrations.ofEvent(eventCode)) {
            if (registration.conversion().isEmpty()) {
                mails.enqueue(Mail.text(
                        registration.email(),
                        "Reminder: " + event.name() + " is cancelled, please choose refund or donation",
                        "Dear " + registration.name() + ",\n\nyou have not yet told us what to do with the "
                                + registration.paid().withSymbol() + " you paid for " + event.name()
                                + ".\nPlease use the personal link in our first email before "
                                + HumanTime.minute(event.deadline())
                                + ".\n\nThe Endow Foundation\n"));
                sent++;
            }
        }
        audit.record(staffId, "registrations.reminded", eventCode, sent + " reminded", now);
        return sent;
    }

    private TicketedEvent event(String eventCode) {
        return events.find(eventCode).orElseThrow(() -> ProblemException.notFound("No event " + eventCode));
    }
}
