package org.endow.donations.registrations.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.endow.kernel.Money;

/**
 * One registrant's paid ticket to an event, and, once the event is cancelled, what they chose to do
 * with the money. The choice is final: the same choice again gives the same answer, another one is
 * refused.
 */
public final class Registration {

    private final String eventCode;
    private final String email;
    private final String name;
    private final String ticketType;
    private final Money paid;
    private final String paymentIntentId;
    private Conversion conversion;
    private Instant answeredAt;
    private boolean byDefault;

    public Registration(
            String eventCode,
            String email,
            String name,
            String ticketType,
            Money paid,
            String paymentIntentId,
            Conversion conversion,
            Instant answeredAt,
            boolean byDefault) {
        this.eventCode = Objects.requireNonNull(eventCode, "eventCode");
        this.email = normalisedEmail(email);
        this.name = Objects.requireNonNull(name, "name");
        this.ticketType = Objects.requireNonNull(ticketType, "ticketType");
        this.paid = Objects.requireNonNull(paid, "paid");
        this.paymentIntentId = paymentIntentId == null || paymentIntentId.isBlank() ? null : paymentIntentId;
        this.conversion = conversion;
        this.answeredAt = answeredAt;
        this.byDefault = byDefault;
        if (!paid.isPositive()) {
            throw new IllegalArgumentException("a registration converts only a positive amount paid");
        }
    }

    public static Registration imported(
            String eventCode, String email, String name, String ticketType, Money paid, String paymentIntentId) {
        return new Registration(eventCode, email, name, ticketType, paid, paymentIntentId, null, null, false);
    }

    /** The registrant's email, the registrant's identity within one event (lower case). */
    public static String normalisedEmail(String email) {
        Objects.requireNonNull(email, "email");
        String trimmed = email.strip().toLowerCase(Locale.ROOT);
        if (!trimmed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        return trimmed;
    }

    /**
     * The registrant answers the offer.
     *
     * @return the conversion and whether this call made it (false: the same answer was already given)
     * @throws OfferClosedException when the deadline has passed and nothing was answered
     * @throws AlreadyAnsweredException when a different answer was already given
     * @throws IllegalArgumentException when the donated part is out of bounds
     */
    public Answered answer(Answer answer, Money donatedPart, Instant now, Instant deadline) {
        Conversion wanted = Conversion.of(answer, paid, donatedPart);
        if (conversion != null) {
            if (conversion.equals(wanted)) {
                return new Answered(conversion, false);
            }
            throw new AlreadyAnsweredException("you already chose " + describe(conversion)
                    + (byDefault ? " (applied after the deadline)" : "") + "; the choice is final");
        }
        if (!now.isBefore(deadline)) {
            throw new OfferClosedException("the offer closed at " + deadline + "; the event's default was applied");
        }
        conversion = wanted;
        answeredAt = now;
        byDefault = false;
        return new Answered(conversion, true);
    }

    /**
     * After the deadline, the event's default for a registrant who never answered.
     *
     * @return the conversion applied, or empty when the registrant had answered or the deadline has
     *     not passed
     */
    public Optional<Conversion> applyDefault(DefaultAnswer defaultAnswer, Instant now, Instant deadline) {
        if (conversion != null || now.isBefore(deadline)) {
            return Optional.empty();
        }
        conversion = Conversion.of(defaultAnswer.asAnswer(), paid, null);
        answeredAt = now;
        byDefault = true;
        return Optional.of(conversion);
    }

    static String describe(Conversion c) {
        return switch (c.answer()) {
            case REFUND ->
                "a full refund of " + c.refunded().toMajor().toPlainString() + " "
                        + c.refunded().currencyCode();
            case DONATE_ALL ->
                "to donate all " + c.donated().toMajor().toPlainString() + " "
                        + c.donated().currencyCode();
            case DONATE_PART ->
                "to donate " + c.donated().toMajor().toPlainString() + " and have "
                        + c.refunded().toMajor().toPlainString() + " "
                        + c.refunded().currencyCode() + " refunded";
        };
    }

    /** The result of answering: the conversion, and whether this answer was the one that made it. */
    public record Answered(Conversion conversion, boolean newlyMade) {}

    public String eventCode() {
        return eventCode;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String ticketType() {
        return ticketType;
    }

    public Money paid() {
        return paid;
    }

    public Optional<String> paymentIntentId() {
        return Optional.ofNullable(paymentIntentId);
    }

    public Optional<Conversion> conversion() {
        return Optional.ofNullable(conversion);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public boolean answeredByDefault() {
        return byDefault;
    }

    /** The key under which the refund of this registration is requested once, whatever the retries. */
    public String refundIdempotencyKey() {
        return "registration-refund:" + eventCode + ":" + email;
    }
}
