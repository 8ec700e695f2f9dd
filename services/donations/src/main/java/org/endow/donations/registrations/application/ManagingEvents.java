package org.endow.donations.registrations.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.endow.donations.giving.model.StaffActions;
import org.endow.donations.registrations.model.DefaultAnswer;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.RegistrationCsv;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;
import org.endow.kernel.Money;
import org.endow.platform.problem.Problem;
import org.endow.platform.problem.ProblemException;

/** Staff create an event and import its registrations (CSV or one by one), all audited. */
@Singleton
public class ManagingEvents {

    private final TicketedEvents events;
    private final Registrations registrations;
    private final StaffActions audit;
    private final Clock clock;

    ManagingEvents(TicketedEvents events, Registrations registrations, StaffActions audit, Clock clock) {
        this.events = events;
        this.registrations = registrations;
        this.audit = audit;
        this.clock = clock;
    }

    public record CreateEventCommand(
            String code,
            String name,
            String currency,
            String fundCode,
            Instant deadline,
            DefaultAnswer defaultAnswer) {}

    public record RegistrationCommand(
            String email, String name, String ticketType, long amountPaidMinor, String paymentIntentId) {}

    /** What an import did: how many registrants are new, how many were already there. */
    public record Imported(int added, int alreadyThere) {}

    @Transactional
    public TicketedEvent create(String staffId, CreateEventCommand command) {
        Instant now = clock.instant();
        if (!command.deadline().isAfter(now)) {
            throw ProblemException.invalidField("deadline", "the answer deadline must be in the future");
        }
        TicketedEvent event;
        try {
            event = new TicketedEvent(
                    command.code(),
                    command.name(),
                    Money.currency(command.currency()),
                    command.fundCode(),
                    command.deadline(),
                    command.defaultAnswer(),
                    null,
                    null);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", e.getMessage());
        }
        if (!events.add(event)) {
            throw ProblemException.conflict("an event with code " + command.code() + " already exists");
        }
        audit.record(
                staffId,
                "registrations.event.created",
                event.code(),
                event.name() + ", fund " + event.fundCode() + ", default " + event.defaultAnswer(),
                now);
        return event;
    }

    /** Imports a CSV file: every bad line is reported and then nothing is imported. */
    @Transactional
    public Imported importCsv(String staffId, String eventCode, String csv) {
        TicketedEvent event = openEvent(eventCode);
        RegistrationCsv.Parsed parsed = RegistrationCsv.parse(eventCode, event.currency(), csv);
        if (!parsed.ok()) {
            throw new ProblemException(
                    io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "Bad registrations file",
                    parsed.problems().size() + " problem(s); nothing was imported",
                    parsed.problems().stream()
                            .map(p -> new Problem.FieldError("line " + p.line() + ": " + p.field(), p.message()))
                            .toList());
        }
        return store(staffId, event, parsed.registrations(), "csv");
    }

    @Transactional
    public Imported importAll(String staffId, String eventCode, List<RegistrationCommand> commands) {
        TicketedEvent event = openEvent(eventCode);
        List<Registration> list;
        try {
            list = commands.stream()
                    .map(c -> Registration.imported(
                            eventCode,
                            c.email(),
                            c.name(),
                            c.ticketType(),
                            new Money(c.amountPaidMinor(), event.currency()),
                            c.paymentIntentId()))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("registrations", e.getMessage());
        }
        return store(staffId, event, list, "api");
    }

    private TicketedEvent openEvent(String eventCode) {
        TicketedEvent event =
                events.find(eventCode).orElseThrow(() -> ProblemException.notFound("No event " + eventCode));
        if (!event.open()) {
            throw ProblemException.conflict(
                    "event " + eventCode + " is cancelled; registrations can no longer be imported");
        }
        return event;
    }

    private Imported store(String staffId, TicketedEvent event, List<Registration> list, String via) {
        int added = 0;
        for (Registration registration : list) {
            if (registrations.addIfAbsent(registration)) {
                added++;
            }
        }
        Imported imported = new Imported(added, list.size() - added);
        audit.record(
                staffId,
                "registrations.imported",
                event.code(),
                added + " added, " + imported.alreadyThere() + " already there (" + via + ")",
                clock.instant());
        return imported;
    }
}
