package org.endow.donations.registrations.model;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An event whose paid registrations may become donations once it is cancelled: the fund the donations
 * go to, the deadline to answer and the default for registrants who never answer.
 */
public final class TicketedEvent {

    private final String code;
    private final String name;
    private final Currency currency;
    private final String fundCode;
    private final Instant deadline;
    private final DefaultAnswer defaultAnswer;
    private Instant cancelledAt;
    private Instant lastRemindedAt;

    public TicketedEvent(
            String code,
            String name,
            Currency currency,
            String fundCode,
            Instant deadline,
            DefaultAnswer defaultAnswer,
            Instant cancelledAt,
            Instant lastRemindedAt) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.fundCode = Objects.requireNonNull(fundCode, "fundCode");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.defaultAnswer = Objects.requireNonNull(defaultAnswer, "defaultAnswer");
        this.cancelledAt = cancelledAt;
        this.lastRemindedAt = lastRemindedAt;
    }

    /**
     * The event is called off: from now on its registrants may answer the offer.
     *
     * @throws IllegalStateException when it was already cancelled or the deadline has already passed
     */
    public void cancel(Instant now) {
        if (cancelledAt != null) {
            throw new IllegalStateException("event " + code + " was already cancelled at " + cancelledAt);
        }
        if (!now.isBefore(deadline)) {
            throw new IllegalStateException(
                    "the answer deadline " + deadline + " has passed; set a later one before cancelling");
        }
        cancelledAt = now;
    }

    /**
     * Staff remind those who have not answered; at most once a day.
     *
     * @throws IllegalStateException when the event is not cancelled, the deadline has passed, or a
     *     reminder went out less than a day ago
     */
    public void remind(Instant now) {
        if (cancelledAt == null) {
            throw new IllegalStateException("event " + code + " is not cancelled; there is nothing to remind");
        }
        if (!now.isBefore(deadline)) {
            throw new IllegalStateException("the answer deadline has passed");
        }
        if (lastRemindedAt != null && now.isBefore(lastRemindedAt.plusSeconds(86_400))) {
            throw new IllegalStateException("reminders went out at " + lastRemindedAt + "; at most once a day");
        }
        lastRemindedAt = now;
    }

    /** Whether registrations can still be imported (only before cancelling). */
    public boolean open() {
        return cancelledAt == null;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Currency currency() {
        return currency;
    }

    public String fundCode() {
        return fundCode;
    }

    public Instant deadline() {
        return deadline;
    }

    public DefaultAnswer defaultAnswer() {
        return defaultAnswer;
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    public Optional<Instant> lastRemindedAt() {
        return Optional.ofNullable(lastRemindedAt);
    }
}
