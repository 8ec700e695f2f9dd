package org.endow.donations.registrations.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;

final class InMemoryTicketedEvents implements TicketedEvents {

    private final Map<String, TicketedEvent> byCode = new HashMap<>();

    @Override
    public boolean add(TicketedEvent event) {
        return byCode.putIfAbsent(event.code(), event) == null;
    }

    @Override
    public Optional<TicketedEvent> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    @Override
    public void update(TicketedEvent event) {
        byCode.put(event.code(), event);
    }

    @Override
    public List<TicketedEvent> cancelledAndPastDeadline(Instant now) {
        return byCode.values().stream()
                .filter(e -> e.cancelledAt().isPresent() && !now.isBefore(e.deadline()))
                .toList();
    }
}
