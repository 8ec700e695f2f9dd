package org.endow.donations.registrations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.endow.donations.registrations.model.Conversion;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;

/** After an event's deadline, registrants who never answered get the event's default, and are told. */
@Singleton
public class ApplyingDefaults {

    private final TicketedEvents events;
    private final Registrations registrations;
    private final Settling settling;
    private final Clock clock;

    ApplyingDefaults(TicketedEvents events, Registrations registrations, Settling settling, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.settling = settling;
        this.clock = clock;
    }

    /** @return how many registrations got the default */
    @Transactional
    public int applyDue() {
        Instant now = clock.instant();
        int applied = 0;
        for (TicketedEvent event : events.cancelledAndPastDeadline(now)) {
            for (Registration registration : registrations.ofEvent(event.code())) {
                var conversion = registration.applyDefault(event.defaultAnswer(), now, event.deadline());
                if (conversion.isPresent() && registrations.recordAnswer(registration)) {
                    Conversion c = conversion.get();
                    settling.settle(event, registration, c, now);
                    applied++;
                }
            }
        }
        return applied;
    }
}
