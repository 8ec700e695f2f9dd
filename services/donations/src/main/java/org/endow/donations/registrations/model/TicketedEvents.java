package org.endow.donations.registrations.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The events whose registrations may be converted. */
public interface TicketedEvents {

    /** @return false when an event with this code already exists */
    boolean add(TicketedEvent event);

    Optional<TicketedEvent> find(String code);

    void update(TicketedEvent event);

    /** Cancelled events whose deadline is at or before {@code now}. */
    List<TicketedEvent> cancelledAndPastDeadline(Instant now);
}
