package org.endow.donations.registrations.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.endow.donations.registrations.model.AlreadyAnsweredException;
import org.endow.donations.registrations.model.Answer;
import org.endow.donations.registrations.model.OfferClosedException;
import org.endow.donations.registrations.model.OfferToken;
import org.endow.donations.registrations.model.Registration;
import org.endow.donations.registrations.model.Registrations;
import org.endow.donations.registrations.model.TicketedEvent;
import org.endow.donations.registrations.model.TicketedEvents;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;

/** A registrant answers the offer behind their personal link; the answer is final and idempotent. */
@Singleton
public class AnsweringOffer {

    private final Registrations registrations;
    private final TicketedEvents events;
    private final Settling settling;
    private final Clock clock;

    AnsweringOffer(Registrations registrations, TicketedEvents events, Settling settling, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.settling = settling;
        this.clock = clock;
    }

    /** The answer to the offer of {@code token}; {@code donatedMinor} only for a partial donation. */
    public record AnswerCommand(String token, Answer answer, Long donatedMinor) {}

    /** The registrant's answer as it stands, and whether this call made it. */
    public record Result(Registration registration, TicketedEvent event, boolean newlyMade) {}

    @Transactional
    public Result answer(AnswerCommand command) {
        Instant now = clock.instant();
        Registration registration = find(command.token());
        TicketedEvent event = events.find(registration.eventCode()).orElseThrow();
        Money part = command.donatedMinor() == null ? null : new Money(command.donatedMinor(), event.currency());
        Registration.Answered answered;
        try {
            answered = registration.answer(command.answer(), part, now, event.deadline());
        } catch (AlreadyAnsweredException e) {
            throw ProblemException.conflict(e.getMessage());
        } catch (OfferClosedException e) {
            throw new ProblemException(HttpStatus.GONE, "Offer closed", e.getMessage(), List.of());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("donatedAmount", e.getMessage());
        }
        if (!answered.newlyMade()) {
            return new Result(registration, event, false);
        }
        if (!registrations.recordAnswer(registration)) {
            // a concurrent submit answered first: read its answer back under the same rules
            return answer(command);
        }
        settling.settle(event, registration, answered.conversion(), now);
        return new Result(registration, event, true);
    }

    /**
     * The offer behind {@code token}, to show it.
     *
     * @throws ProblemException 404 for an unknown token, 410 when it expired unanswered
     */
    @Transactional
    public Result view(String token) {
        Registration registration = find(token);
        TicketedEvent event = events.find(registration.eventCode()).orElseThrow();
        if (registration.conversion().isEmpty() && !clock.instant().isBefore(event.deadline())) {
            throw new ProblemException(
                    HttpStatus.GONE,
                    "Offer closed",
                    "the offer closed at " + HumanTime.minute(event.deadline()) + "; the event's default is applied",
                    List.of());
        }
        return new Result(registration, event, false);
    }

    private Registration find(String token) {
        String hash;
        try {
            hash = new OfferToken(token).hash();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("No such offer");
        }
        return registrations.findByOfferTokenHash(hash).orElseThrow(() -> ProblemException.notFound("No such offer"));
    }
}
