package org.endow.donations.registrations.application;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.endow.donations.registrations.model.Conversion;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;

/**
 * One registrant who never answered gets the event's default, in a transaction of its own: whatever happens to
 * another registrant (a card refund the provider refuses, say) neither undoes nor holds up this one.
 */
@Singleton
public class ApplyingDefault {

    private final TicketedEvents events;
    private final Registrations registrations;
    private final Settling settling;

    ApplyingDefault(TicketedEvents events, Registrations registrations, Settling settling) {
        this.events = events;
        this.registrations = registrations;
        this.settling = settling;
    }

    /** A registrant of a cancelled event past its deadline who has not answered. */
    public record Due(TicketedEvent event, Registration registration) {}

    /** Who is due a default now, read in one read-only transaction. */
    @ReadOnly
    public List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        for (TicketedEvent event : events.cancelledAndPastDeadline(now)) {
            for (Registration registration : registrations.ofEvent(event.code())) {
                if (registration.conversion().isEmpty()) {
                    due.add(new Due(event, registration));
                }
            }
        }
        return due;
    }

    /** @return whether the default was applied now (false: the registrant had answered, or it was applied) */
    @Transactional
    public boolean apply(TicketedEvent event, Registration registration, Instant now) {
        var conversion = registration.applyDefault(event.defaultAnswer(), now, event.deadline());
        if (conversion.isEmpty() || !registrations.recordAnswer(registration)) {
            return false;
        }
        Conversion c = conversion.get();
        settling.settle(event, registration, c, now);
        return true;
    }
}
