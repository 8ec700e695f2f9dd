package org.endow.donations.giving.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.endow.kernel.Money;

/**
 * A monthly gift by card: the donor's standing promise, paid month by month (each month's payment
 * is a {@link Donation} of its own, with its own receipt). Started when the first checkout
 * completes; cancelled by the donor, by staff, or when the card keeps failing.
 */
public final class RecurringGift {

    public enum Status {
        /** The monthly checkout was started and is not confirmed yet. */
        AWAITING_PAYMENT,
        ACTIVE,
        CANCELLED
    }

    private final UUID id;
    private final DonorId donor;
    private final GiftOptions options;
    private final Money monthly;
    private final String fundCode;
    private Status status;
    private final Instant createdAt;
    private Instant startedAt;
    private Instant cancelledAt;

    public RecurringGift(
            UUID id,
            DonorId donor,
            GiftOptions options,
            Money monthly,
            String fundCode,
            Status status,
            Instant createdAt,
            Instant startedAt,
            Instant cancelledAt) {
        this.id = Objects.requireNonNull(id);
        this.donor = donor;
        this.options = Objects.requireNonNull(options);
        this.monthly = Objects.requireNonNull(monthly);
        this.fundCode = Objects.requireNonNull(fundCode);
        this.status = Objects.requireNonNull(status);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.startedAt = startedAt;
        this.cancelledAt = cancelledAt;
        if (!monthly.isPositive()) {
            throw new IllegalArgumentException("a monthly gift is a positive amount");
        }
        if (options.contact() == null) {
            throw new IllegalArgumentException("a monthly gift needs the donor's name and email");
        }
    }

    public static RecurringGift awaitingCard(
            UUID id, DonorId donor, GiftOptions options, Money monthly, String fundCode, Instant now) {
        return new RecurringGift(id, donor, options, monthly, fundCode, Status.AWAITING_PAYMENT, now, null, null);
    }

    /** The subscription is confirmed. @return the event, empty when it was already started (a redelivery). */
    public Optional<Started> start(Instant now) {
        if (status != Status.AWAITING_PAYMENT) {
            return Optional.empty();
        }
        status = Status.ACTIVE;
        startedAt = now;
        return Optional.of(new Started(this, now));
    }

    /** @return the event, empty when it was already cancelled */
    public Optional<Cancelled> cancel(Instant now, String reason) {
        if (status == Status.CANCELLED) {
            return Optional.empty();
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        return Optional.of(new Cancelled(this, now, reason));
    }

    public boolean belongsTo(DonorId candidate) {
        return donor != null && donor.equals(candidate);
    }

    /**
     * One month's payment: a gift of what the month's invoice took, with this gift's donor, fund and choices.
     *
     * @throws IllegalArgumentException when nothing was paid or in another currency than the gift's
     */
    public Donation monthlyPayment(DonationId paymentId, Money paid, Instant paidAt) {
        if (!paid.currency().equals(monthly.currency())) {
            throw new IllegalArgumentException(
                    "a month of a " + monthly.currencyCode() + " gift paid in " + paid.currencyCode());
        }
        return new Donation(
                paymentId,
                donor,
                options,
                paid,
                fundCode,
                PaymentMethod.CARD,
                DonationStatus.AWAITING_PAYMENT,
                paidAt,
                null,
                null);
    }

    public record Started(RecurringGift gift, Instant occurredAt) {}

    public record Cancelled(RecurringGift gift, Instant occurredAt, String reason) {}

    public UUID id() {
        return id;
    }

    public Optional<DonorId> donor() {
        return Optional.ofNullable(donor);
    }

    public GiftOptions options() {
        return options;
    }

    public Money monthly() {
        return monthly;
    }

    public String fundCode() {
        return fundCode;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }
}
